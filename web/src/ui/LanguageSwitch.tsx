import { Grid, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';

/** Tiếng Việt / English toggle; narrow screens show the short codes so the header fits at 360 px. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.sm ?? true;
  const value: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Language>
      size="small"
      data-testid="language-switch"
      value={value}
      onChange={(language) => void changeLanguage(language)}
      options={[
        {
          value: 'vi',
          label: (
            <span lang="vi" title="Tiếng Việt">
              {wide ? 'Tiếng Việt' : 'VI'}
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              {wide ? 'English' : 'EN'}
            </span>
          ),
        },
      ]}
    />
  );
}
