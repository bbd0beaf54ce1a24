import 'leaflet/dist/leaflet.css';
import { useQuery } from '@tanstack/react-query';
import { latLngBounds } from 'leaflet';
import { useEffect, useRef } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { fetchTileUrl, placeKeys, type WifiPoint } from './places-api';

/*
 * Wifi points on a Leaflet map. Markers are vector circles (L.circleMarker), not the default PNG pin, so the map
 * still shows every point on machines without internet, where no tile and no image can load.
 */

/** Where the map opens when a hamlet has no point yet: the centre of Tân Uyên, the demo city. */
const FALLBACK_CENTER: [number, number] = [11.06, 106.78];
const STATUS_COLORS = { working: '#389e0d', broken: '#cf1322', unknown: '#8c8c8c', draft: '#1677ff' };

function colorOf(point: WifiPoint): string {
  if (point.isWorking === true) return STATUS_COLORS.working;
  if (point.isWorking === false) return STATUS_COLORS.broken;
  return STATUS_COLORS.unknown;
}

/** Frames all points once they arrive (not again on every refetch, so the officer's panning is kept). */
function FitToPoints({ points }: { points: WifiPoint[] }) {
  const map = useMap();
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || points.length === 0) return;
    framed.current = true;
    if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lng], 16);
    else
      map.fitBounds(latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), {
        padding: [24, 24],
      });
  }, [map, points]);
  return null;
}

/**
 * Leaflet measures its container once; when the layout changes around it (the form column appears once the
 * abilities arrive, or the window turns), clicks would map to wrong coordinates until it measures again.
 */
function TrackContainerSize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

function ClickToPick({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (event) => onPick(event.latlng.lat, event.latlng.lng) });
  return null;
}

export interface WifiMapProps {
  points: WifiPoint[];
  draft: { lat: number; lng: number } | null;
  onPick?: (lat: number, lng: number) => void;
}

export function WifiMap({ points, draft, onPick }: WifiMapProps) {
  const tileUrl = useQuery({
    queryKey: placeKeys.config,
    queryFn: fetchTileUrl,
    staleTime: Infinity,
    retry: false,
  });
  return (
    <div data-testid="wifi-map" style={{ height: 360, width: '100%' }}>
      <MapContainer
        center={FALLBACK_CENTER}
        zoom={14}
        style={{
          height: '100%',
          width: '100%',
          background: '#eef2f5',
          cursor: onPick ? 'crosshair' : undefined,
        }}
      >
        {tileUrl.data ? (
          <TileLayer url={tileUrl.data} attribution="&copy; OpenStreetMap" maxZoom={19} />
        ) : null}
        <TrackContainerSize />
        <FitToPoints points={points} />
        {onPick ? <ClickToPick onPick={onPick} /> : null}
        {points.map((point) => (
          <CircleMarker
            key={point.uid}
            center={[point.lat, point.lng]}
            radius={8}
            pathOptions={{ color: '#fff', weight: 2, fillColor: colorOf(point), fillOpacity: 0.9 }}
          >
            <Tooltip>{point.name}</Tooltip>
          </CircleMarker>
        ))}
        {draft ? (
          <CircleMarker
            center={[draft.lat, draft.lng]}
            radius={10}
            pathOptions={{ color: STATUS_COLORS.draft, weight: 3, fillOpacity: 0.2, dashArray: '4 4' }}
          />
        ) : null}
      </MapContainer>
    </div>
  );
}
