import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/schemas/sync';

/** Where the saved key is kept, in words; a warning when the system keychain protects it only weakly. */
export function KeyNote({ storage }: { storage: SyncStatus['keyStorage'] }) {
  const { t } = useTranslation();
  if (storage === 'weak-keychain') {
    return (
      <span className="sync-key-note sync-key-note--weak" data-testid="sync-key-note" data-storage={storage}>
        {t('sync.connection.keySaved.weakKeychain')}
      </span>
    );
  }
  return (
    <span className="sync-key-note" data-testid="sync-key-note" data-storage={storage ?? 'unknown'}>
      {storage === 'keychain' ? t('sync.connection.keySaved.keychain') : storage === 'file' ? t('sync.connection.keySaved.file') : t('sync.connection.keySaved.unknown')}
    </span>
  );
}
