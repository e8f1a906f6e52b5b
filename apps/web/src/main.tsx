import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './routes.tsx';
import { ZoneGate } from './components/ZoneGate.tsx';
import { THEME } from './theme.ts';
import { QUEUE_COUNTS_KEY } from './pages/admin/workbench/useQueueCounts.ts';
import './global.css';

const queryClient: QueryClient = new QueryClient({
  // a decision in any review queue (or any other write) refreshes the menu's queue badges at once; the query is
  // cheap and disabled for accounts without queues
  mutationCache: new MutationCache({
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: QUEUE_COUNTS_KEY });
    },
  }),
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <ZoneGate>
              <AppRoutes />
            </ZoneGate>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
