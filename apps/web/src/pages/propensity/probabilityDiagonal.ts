import { chartColors } from '../analytics/Chart';

/** The dashed diagonal of a probability chart (ROC's chance, calibration's ideal), drawn under the data. */
export const diagonalSeries = (name: string, axes: { xAxisIndex?: number; yAxisIndex?: number } = {}) => ({
  name,
  type: 'line' as const,
  ...axes,
  data: [
    [0, 0],
    [1, 1],
  ],
  showSymbol: false,
  color: chartColors.grey,
  lineStyle: { type: 'dashed' as const, width: 1.5 },
  silent: true,
});
