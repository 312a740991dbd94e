import { useEffect } from 'react';
import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth';
import { EnumTag } from '../../components/enums/EnumTag';
import { PageHeader } from '../../components/layout/PageHeader';
import { ChangePasswordCard } from './ChangePasswordCard';
import { ApiTokensCard } from './ApiTokensCard';

/** The signed-in user's own settings: profile, password, API tokens (#password and #tokens scroll to them). */
export default function MyAccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { hash } = useLocation();

  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash]);

  const user = me.data;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('settings.profile')} style={{ marginBottom: 16 }}>
            {user ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('fields.user.name'), children: user.name },
                  { key: 'email', label: t('fields.user.email'), children: user.email },
                  { key: 'role', label: t('fields.user.role'), children: <EnumTag name="role" value={user.role} /> },
                ]}
              />
            ) : null}
          </Card>
          <ChangePasswordCard />
        </Col>
        <Col xs={24} xl={14}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
