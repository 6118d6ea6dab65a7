import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { NoAccess } from './app/NoAccess';
import { connect } from './lib/api';
import { initI18n } from './lib/i18n';
import './styles.css';

async function boot(): Promise<void> {
  initI18n();
  const host = connect();
  const root = createRoot(document.getElementById('root')!);
  root.render(<StrictMode>{host === 'browser-without-token' ? <NoAccess /> : <App />}</StrictMode>);
}

void boot();
