import { Card, Col, DatePicker, Empty, Flex, Grid, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DATE_FORMAT, todayIso } from '../../ui/format';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitSearch } from './UnitSearch';
import { UnitTree } from './UnitTree';
import { asOfWithinValidity } from './validity';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Administrative units browser. The as-of date and the selected unit live in the URL (?asOf=&unit=), so a
 * view can be bookmarked and the home page can link straight to a unit.
 */
export default function UnitsPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const detailRef = useRef<HTMLDivElement>(null);
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && ISO_DATE.test(asOfParam) ? asOfParam : todayIso();
  const unitParam = Number(params.get('unit'));
  const selectedId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null;

  const update = (next: { asOf?: string; unit?: number | null }) => {
    const merged = new URLSearchParams(params);
    if (next.asOf !== undefined) merged.set('asOf', next.asOf);
    if (next.unit !== undefined) {
      if (next.unit === null) merged.delete('unit');
      else merged.set('unit', String(next.unit));
    }
    setParams(merged);
  };

  const select = (unit: { id: number; validFrom?: string; validTo?: string | null }) => {
    const nextAsOf = unit.validFrom
      ? asOfWithinValidity({ validFrom: unit.validFrom, validTo: unit.validTo ?? null }, asOf)
      : asOf;
    update({ unit: unit.id, asOf: nextAsOf });
    // On phones the detail sits below the tree; bring it into view.
    if (!screens.lg)
      window.requestAnimationFrame(() =>
        detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
      );
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('units.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Flex vertical gap={12}>
              <Flex gap={8} align="center" wrap>
                <label htmlFor="units-as-of">{t('units.asOf')}</label>
                <DatePicker
                  id="units-as-of"
                  format={DATE_FORMAT}
                  allowClear={false}
                  value={dayjs(asOf)}
                  onChange={(value) => value && update({ asOf: value.format('YYYY-MM-DD') })}
                  data-testid="unit-as-of"
                />
              </Flex>
              <UnitSearch onSelect={select} />
              <UnitTree key={asOf} asOf={asOf} selectedId={selectedId} onSelect={select} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <div ref={detailRef}>
            {selectedId === null ? (
              <Card>
                <Empty description={t('units.selectHint')} />
              </Card>
            ) : (
              <UnitDetailPanel unitId={selectedId} asOf={asOf} onSelect={select} adjustAsOf={!asOfParam} />
            )}
          </div>
        </Col>
      </Row>
    </Flex>
  );
}
