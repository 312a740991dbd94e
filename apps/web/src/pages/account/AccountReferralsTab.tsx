import { Col, Row } from 'antd';
import { AccountIncomeCard } from './AccountIncomeCard';
import { AccountReferralsCard } from './AccountReferralsCard';

/** The account's word of mouth and its own income history, side by side on a wide screen. */
export function AccountReferralsTab({ accountId, live = true }: { accountId: number; live?: boolean }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={12}>
        <AccountReferralsCard accountId={accountId} live={live} />
      </Col>
      <Col xs={24} xxl={12}>
        <AccountIncomeCard accountId={accountId} live={live} />
      </Col>
    </Row>
  );
}
