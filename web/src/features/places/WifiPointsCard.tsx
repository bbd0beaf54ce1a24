import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import {
  createWifiPoint,
  deleteWifiPoint,
  fetchWifiPoints,
  placeKeys,
  updateWifiPoint,
  type WifiPoint,
  type WifiPointInput,
} from './places-api';
import { TriStateSelect, TriStateTag } from './TriStateSelect';
import { WifiMap } from './WifiMap';

/** Six decimals is about 10 cm: more than a phone's GPS or a click on the map can tell apart. */
const COORD_DIGITS = 6;
const round = (value: number) => Number(value.toFixed(COORD_DIGITS));

interface WifiForm {
  name: string;
  lat: number;
  lng: number;
  isWorking: boolean | null;
  provider: string;
}

/** Free wifi points (INF criteria): a table, a map, and a form whose position is set by clicking the map. */
export function WifiPointsCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WifiForm>();
  const [editing, setEditing] = useState<WifiPoint | null>(null);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const list = useQuery({ queryKey: placeKeys.wifi(hamletId), queryFn: () => fetchWifiPoints(hamletId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: placeKeys.wifi(hamletId) });
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const reset = () => {
    setEditing(null);
    form.resetFields();
  };
  const save = useMutation({
    mutationFn: (values: WifiForm) => {
      const body: WifiPointInput = {
        name: values.name.trim(),
        lat: values.lat,
        lng: values.lng,
        isWorking: values.isWorking ?? null,
        provider: values.provider?.trim() || null,
      };
      return editing ? updateWifiPoint(editing.uid, body) : createWifiPoint(hamletId, body);
    },
    onSuccess: () => {
      reset();
      void message.success(t('places.saved'));
      return refresh();
    },
    onError,
  });
  const remove = useMutation({ mutationFn: deleteWifiPoint, onSuccess: refresh, onError });
  const canEdit = Boolean(list.data?.abilities.canEdit);
  const draft = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;
  const edit = (point: WifiPoint) => {
    setEditing(point);
    form.setFieldsValue({
      name: point.name,
      lat: point.lat,
      lng: point.lng,
      isWorking: point.isWorking,
      provider: point.provider ?? '',
    });
  };

  return (
    <Card title={t('places.wifi.title')} data-testid="wifi-card">
      <Flex vertical gap={16}>
        <ErrorAlert error={list.error} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={canEdit ? 14 : 24}>
            <WifiMap
              points={list.data?.items ?? []}
              draft={draft}
              onPick={
                canEdit
                  ? (pickedLat, pickedLng) =>
                      form.setFieldsValue({ lat: round(pickedLat), lng: round(pickedLng) })
                  : undefined
              }
            />
          </Col>
          {canEdit ? (
            <Col xs={24} lg={10}>
              <Typography.Text type="secondary">{t('places.wifi.clickHint')}</Typography.Text>
              <Form<WifiForm>
                form={form}
                layout="vertical"
                initialValues={{ isWorking: null, provider: '' }}
                onFinish={(values) => save.mutate(values)}
                data-testid="wifi-form"
              >
                <Form.Item
                  name="name"
                  label={t('places.wifi.name')}
                  rules={[{ required: true, whitespace: true, message: t('places.required') }]}
                >
                  <Input maxLength={200} data-testid="wifi-name" />
                </Form.Item>
                <Flex gap={8} wrap>
                  <Form.Item
                    name="lat"
                    label={t('places.wifi.lat')}
                    rules={[{ required: true, message: t('places.wifi.pickOnMap') }]}
                  >
                    <InputNumber<number>
                      min={-90}
                      max={90}
                      step={0.0001}
                      style={{ width: 150 }}
                      data-testid="wifi-lat"
                    />
                  </Form.Item>
                  <Form.Item
                    name="lng"
                    label={t('places.wifi.lng')}
                    rules={[{ required: true, message: t('places.wifi.pickOnMap') }]}
                  >
                    <InputNumber<number>
                      min={-180}
                      max={180}
                      step={0.0001}
                      style={{ width: 150 }}
                      data-testid="wifi-lng"
                    />
                  </Form.Item>
                </Flex>
                <Flex gap={8} wrap>
                  <Form.Item name="isWorking" label={t('places.wifi.isWorking')}>
                    <TriStateSelect />
                  </Form.Item>
                  <Form.Item name="provider" label={t('places.wifi.provider')}>
                    <Input maxLength={100} placeholder="VNPT, Viettel…" />
                  </Form.Item>
                </Flex>
                <Space>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="wifi-save">
                    {editing ? t('places.save') : t('places.wifi.create')}
                  </Button>
                  {editing ? <Button onClick={reset}>{t('places.cancel')}</Button> : null}
                </Space>
              </Form>
            </Col>
          ) : null}
        </Row>
        <Table<WifiPoint>
          rowKey="uid"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="wifi-table"
          columns={[
            { title: t('places.wifi.name'), dataIndex: 'name' },
            {
              title: t('places.wifi.position'),
              key: 'position',
              render: (_: unknown, point) => `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`,
            },
            {
              title: t('places.wifi.isWorking'),
              dataIndex: 'isWorking',
              render: (value: boolean | null) => <TriStateTag value={value} />,
            },
            { title: t('places.wifi.provider'), dataIndex: 'provider' },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, point) =>
                point.abilities.canEdit ? (
                  <Space size={4}>
                    <Button size="small" onClick={() => edit(point)}>
                      {t('places.edit')}
                    </Button>
                    <Popconfirm
                      title={t('places.confirmDelete', { name: point.name })}
                      okText={t('places.yes')}
                      cancelText={t('places.no')}
                      onConfirm={() => remove.mutateAsync(point.uid)}
                    >
                      <Button size="small" danger>
                        {t('places.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
