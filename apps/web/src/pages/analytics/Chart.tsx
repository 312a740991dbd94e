import ReactEChartsCore from 'echarts-for-react/esm/core';
import { fontFamily } from '../../theme';
import { echarts } from './echarts';

/** An ECharts chart in the app's font, redrawn from scratch when its option changes (language, toggles). */
export function Chart({ option, height, testId }: { option: Record<string, unknown>; height: number; testId?: string }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={{ textStyle: { fontFamily }, animationDuration: 400, ...option }}
      notMerge
      style={{ height, width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Colours of the customer-value charts (antd's palette). */
export const chartColors = {
  blue: '#1677ff',
  orange: '#fa8c16',
  green: '#52c41a',
  red: '#f5222d',
  gold: '#faad14',
  grey: '#bfbfbf',
  cyan: '#13c2c2',
  purple: '#722ed1',
};
