import { Card, Col, Row, Skeleton } from 'antd';

/** An overview page while it loads: a row of four stat cards and a large card under them. */
export function OverviewSkeleton({ statRows = 1, bodyRows = 10 }: { statRows?: number; bodyRows?: number }) {
  return (
    <Row gutter={[16, 16]}>
      {[0, 1, 2, 3].map((i) => (
        <Col key={i} xs={24} md={12} xl={6}>
          <Card>
            <Skeleton active paragraph={{ rows: statRows }} />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card>
          <Skeleton active paragraph={{ rows: bodyRows }} />
        </Card>
      </Col>
    </Row>
  );
}
