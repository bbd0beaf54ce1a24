import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Rate,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import {
  BUSINESS_KINDS,
  createBusiness,
  deleteBusiness,
  fetchBusinesses,
  placeKeys,
  updateBusiness,
  type Business,
  type BusinessInput,
} from './places-api';
import { TriStateSelect, TriStateTag } from './TriStateSelect';

const EMPTY: BusinessInput = {
  name: '',
  kind: 'shop',
  acceptsCashless: null,
  ecommerceEligible: null,
  listedOnline: null,
  platforms: [],
  ocopStars: null,
  traceability: null,
  isFarmProduct: false,
};

/** Form values: OCOP stars as the Rate control holds them (0 = not certified). */
type BusinessForm = Omit<BusinessInput, 'ocopStars'> & { ocopStars: number };

function BusinessModal({
  hamletId,
  editing,
  onClose,
}: {
  hamletId: number;
  editing: Business | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BusinessForm>();
  const initial = editing && editing !== 'new' ? editing : EMPTY;
  const save = useMutation({
    mutationFn: (values: BusinessForm) => {
      const body: BusinessInput = {
        ...values,
        name: values.name.trim(),
        platforms: values.platforms ?? [],
        ocopStars: values.ocopStars > 0 ? values.ocopStars : null,
      };
      return editing && editing !== 'new'
        ? updateBusiness(editing.uid, body)
        : createBusiness(hamletId, body);
    },
    onSuccess: () => {
      onClose();
      void message.success(t('places.saved'));
      return queryClient.invalidateQueries({ queryKey: placeKeys.businesses(hamletId) });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('places.businesses.create') : t('places.businesses.edit')}
      okText={t('places.save')}
      cancelText={t('places.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<BusinessForm>
        form={form}
        layout="vertical"
        initialValues={{ ...initial, ocopStars: initial.ocopStars ?? 0 }}
        onFinish={(values) => save.mutate(values)}
        data-testid="business-form"
      >
        <Form.Item
          name="name"
          label={t('places.businesses.name')}
          rules={[{ required: true, whitespace: true, message: t('places.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('places.businesses.kind')}>
          <Select
            options={BUSINESS_KINDS.map((kind) => ({ value: kind, label: t(`places.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item name="acceptsCashless" label={t('places.businesses.acceptsCashless')}>
            <TriStateSelect />
          </Form.Item>
          <Form.Item name="ecommerceEligible" label={t('places.businesses.ecommerceEligible')}>
            <TriStateSelect />
          </Form.Item>
          <Form.Item name="listedOnline" label={t('places.businesses.listedOnline')}>
            <TriStateSelect />
          </Form.Item>
          <Form.Item name="traceability" label={t('places.businesses.traceability')}>
            <TriStateSelect />
          </Form.Item>
        </Flex>
        <Form.Item
          name="platforms"
          label={t('places.businesses.platforms')}
          dependencies={['listedOnline']}
          rules={[
            // The same contradiction BusinessInputSchema refuses (platforms_but_not_listed), caught before sending.
            ({ getFieldValue }) => ({
              validator: (_rule, value: string[] | undefined) =>
                getFieldValue('listedOnline') === false && (value?.length ?? 0) > 0
                  ? Promise.reject(new Error(t('places.businesses.platformsButNotListed')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',']}
            options={['Shopee', 'Lazada', 'TikTok Shop', 'Tiki', 'Sendo', 'Postmart', 'Voso'].map((p) => ({
              value: p,
            }))}
          />
        </Form.Item>
        <Flex wrap gap={24}>
          <Form.Item
            name="ocopStars"
            label={t('places.businesses.ocopStars')}
            extra={t('places.businesses.ocopHint')}
          >
            <Rate allowClear />
          </Form.Item>
          <Form.Item
            name="isFarmProduct"
            label={t('places.businesses.isFarmProduct')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** Shops, household businesses, farms and cooperatives, with cashless payment, e-commerce and OCOP status. */
export function BusinessesCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Business | 'new' | null>(null);
  const list = useQuery({
    queryKey: placeKeys.businesses(hamletId),
    queryFn: () => fetchBusinesses(hamletId),
  });
  const remove = useMutation({
    mutationFn: (uid: string) => deleteBusiness(uid),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.businesses(hamletId) }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const canCreate = Boolean(list.data?.abilities.canCreate ?? list.data?.abilities.canEdit);
  return (
    <Card
      title={t('places.businesses.title')}
      extra={
        canCreate ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="business-create">
            {t('places.businesses.create')}
          </Button>
        ) : null
      }
      data-testid="businesses-card"
    >
      <ErrorAlert error={list.error} />
      <Table<Business>
        rowKey="uid"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="businesses-table"
        columns={[
          { title: t('places.businesses.name'), dataIndex: 'name' },
          {
            title: t('places.businesses.kind'),
            dataIndex: 'kind',
            render: (kind: string) => t(`places.kinds.${kind}`),
          },
          {
            title: t('places.businesses.acceptsCashless'),
            dataIndex: 'acceptsCashless',
            render: (value: boolean | null) => <TriStateTag value={value} />,
          },
          {
            title: t('places.businesses.listedOnline'),
            dataIndex: 'listedOnline',
            render: (value: boolean | null) => <TriStateTag value={value} />,
          },
          {
            title: t('places.businesses.platforms'),
            dataIndex: 'platforms',
            render: (platforms: string[] | null) => platforms?.join(', ') ?? '',
          },
          {
            title: t('places.businesses.ocopStars'),
            dataIndex: 'ocopStars',
            render: (stars: number | null) => (stars ? '★'.repeat(stars) : '—'),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row) =>
              row.abilities.canEdit ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('places.edit')}
                  </Button>
                  <Popconfirm
                    title={t('places.confirmDelete', { name: row.name })}
                    okText={t('places.yes')}
                    cancelText={t('places.no')}
                    onConfirm={() => remove.mutateAsync(row.uid)}
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
      <BusinessModal hamletId={hamletId} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
