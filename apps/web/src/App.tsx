import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { createQueryClient } from './api/queryClient';
import { antdLocaleFor } from './i18n/antdLocale';
import { useLanguage } from './i18n/useLanguage';
import { AppRoutes } from './AppRoutes';
import { theme } from './theme';
import { useReducedMotion } from './useReducedMotion';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [language] = useLanguage();
  const reducedMotion = useReducedMotion();
  const themed = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <ConfigProvider locale={antdLocaleFor(language)} theme={themed} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
