import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="pub-section pub-muted" role="status">
      {t('public.loading')}
    </p>
  );
}

export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="pub-section" role="alert">
      <p>{t('public.loadError')}</p>
      <button type="button" className="pub-button" onClick={onRetry}>
        {t('public.retry')}
      </button>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="pub-section" data-testid="public-not-found">
      <h1>{t('public.notFoundTitle')}</h1>
      <p>{t('public.notFoundText')}</p>
      <a href="/">{t('public.backHome')}</a>
    </div>
  );
}
