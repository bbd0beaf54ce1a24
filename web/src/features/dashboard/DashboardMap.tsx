import 'leaflet/dist/leaflet.css';
import { useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { latLngBounds } from 'leaflet';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { NO_DATA_COLOR, STATUS_COLORS } from '../../ui/status-colors';
import { fetchTileUrl, placeKeys } from '../places/places-api';
import type { MapData } from './dashboard-api';

const FALLBACK_CENTER: [number, number] = [11.06, 106.78];
const WIFI_COLOR = '#1677ff';

/** Frames every marker whenever the set of points changes (a new ward or date). */
function FitAll({ points }: { points: Array<[number, number]> }) {
  const map = useMap();
  const key = points.map((p) => p.join(',')).join(';');
  useEffect(() => {
    if (points.length === 0) return;
    map.fitBounds(latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}

/**
 * Hamlets (larger circles, green when they meet the standard, red when not, grey without a result) at the centroid
 * of their wifi points, and the wifi points themselves. Vector markers only, so the map works with no tiles.
 */
export function DashboardMap({
  data,
  standardOf,
  height = 380,
}: {
  data: MapData;
  standardOf: ReadonlyMap<number, boolean>;
  height?: number;
}) {
  const { t } = useTranslation();
  const tileUrl = useQuery({
    queryKey: placeKeys.config,
    queryFn: fetchTileUrl,
    staleTime: Infinity,
    retry: false,
  });
  const all: Array<[number, number]> = [
    ...data.hamlets.map((h) => [h.lat, h.lng] as [number, number]),
    ...data.wifiPoints.map((p) => [p.lat, p.lng] as [number, number]),
  ];
  const colorOf = (id: number) => {
    const meets = standardOf.get(id);
    return meets === undefined ? NO_DATA_COLOR : meets ? STATUS_COLORS.met : STATUS_COLORS.not_met;
  };
  return (
    <Flex vertical gap={8}>
      <div data-testid="dashboard-map" style={{ height, width: '100%' }}>
        <MapContainer
          center={FALLBACK_CENTER}
          zoom={13}
          style={{ height: '100%', width: '100%', background: '#eef2f5' }}
        >
          {tileUrl.data ? (
            <TileLayer url={tileUrl.data} attribution="&copy; OpenStreetMap" maxZoom={19} />
          ) : null}
          <FitAll points={all} />
          {data.wifiPoints.map((p) => (
            <CircleMarker
              key={p.uid}
              center={[p.lat, p.lng]}
              radius={4}
              pathOptions={{ color: WIFI_COLOR, weight: 1, fillColor: WIFI_COLOR, fillOpacity: 0.6 }}
            >
              <Tooltip>
                {t('dashboard.map.wifi')}: {p.name}
              </Tooltip>
            </CircleMarker>
          ))}
          {data.hamlets.map((h) => (
            <CircleMarker
              key={h.id}
              center={[h.lat, h.lng]}
              radius={11}
              pathOptions={{ color: '#fff', weight: 2, fillColor: colorOf(h.id), fillOpacity: 0.9 }}
            >
              <Tooltip>
                <b>{h.name}</b> · {h.wardName}
              </Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </div>
      <Flex gap={16} wrap style={{ fontSize: 13 }}>
        <Legend color={STATUS_COLORS.met} text={t('dashboard.map.legendMet')} size={12} />
        <Legend color={STATUS_COLORS.not_met} text={t('dashboard.map.legendNotMet')} size={12} />
        <Legend color={WIFI_COLOR} text={t('dashboard.map.wifi')} size={8} />
      </Flex>
      {data.unplaced.length > 0 ? (
        <Typography.Text type="secondary" data-testid="map-unplaced">
          {t('dashboard.map.unplaced', {
            count: data.unplaced.length,
            names: data.unplaced.map((h) => `${h.name} (${h.wardName})`).join(', '),
          })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Legend({ color, text, size }: { color: string; text: string; size: number }) {
  return (
    <Flex align="center" gap={6}>
      <span
        style={{ width: size, height: size, borderRadius: '50%', background: color, display: 'inline-block' }}
      />
      {text}
    </Flex>
  );
}
