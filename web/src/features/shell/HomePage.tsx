import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { useMe } from '../auth/auth-api';

/** "Who am I and what may I see": the user's role and scope units, each a link into the unit browser. */
export default function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return <PageLoading />;
  // The city's officials land on the dashboard (issue 5 §1); the others keep this page.
  if (me.role === 'city_admin' || me.role === 'viewer') return <Navigate to="/app/dashboard" replace />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="home-greeting">
        {t('home.greeting', { name: me.displayName })}
      </Typography.Title>
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: 'username', label: t('home.username'), children: me.username },
            { key: 'role', label: t('home.role'), children: t(`roles.${me.role}`) },
            {
              key: 'scope',
              label: t('home.scope'),
              children:
                me.scope.length === 0 ? (
                  <span data-testid="home-scope">{t('home.wholeCity')}</span>
                ) : (
                  <Flex vertical gap={4} data-testid="home-scope">
                    {me.scope.map((unit) => (
                      <Link key={unit.id} to={`/app/units?unit=${unit.id}`}>
                        <ApartmentOutlined /> {unit.name}{' '}
                        <Tag style={{ marginInlineStart: 4 }}>
                          {t(`unitTypes.${unit.type}`, { defaultValue: unit.type })}
                        </Tag>
                      </Link>
                    ))}
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
      <Card>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('home.hint')}</Typography.Paragraph>
      </Card>
    </Flex>
  );
}
