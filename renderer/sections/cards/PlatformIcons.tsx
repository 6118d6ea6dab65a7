import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/domain/platforms';
import { formatList } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';

const base = { width: 18, height: 18, viewBox: '0 0 24 24', 'aria-hidden': true } as const;

function WebIcon() {
  return (
    <svg {...base} fill="none" stroke="currentColor" strokeWidth={1.7}>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.8 3 2.8 15 0 18M12 3c-2.8 3-2.8 15 0 18" />
    </svg>
  );
}

function AppleIcon() {
  return (
    <svg {...base} fill="currentColor">
      <path d="M16.4 12.6c0-2.4 2-3.5 2-3.6-1.1-1.6-2.8-1.8-3.4-1.8-1.4-.1-2.8.9-3.5.9s-1.8-.8-3-.8c-1.5 0-3 .9-3.8 2.3-1.6 2.8-.4 7 1.2 9.3.8 1.1 1.7 2.4 2.9 2.3 1.2 0 1.6-.7 3-.7s1.8.7 3 .7c1.3 0 2.1-1.1 2.8-2.3.9-1.3 1.3-2.6 1.3-2.6s-2.5-1-2.5-3.7zM14.2 5.5c.6-.8 1.1-1.8 1-2.9-.9 0-2 .6-2.7 1.4-.6.7-1.1 1.8-1 2.8 1 .1 2.1-.5 2.7-1.3z" />
    </svg>
  );
}

function GoogleIcon() {
  return (
    <svg {...base} fill="none" stroke="currentColor" strokeWidth={2.6} strokeLinecap="round">
      <path d="M18.5 7.6A7.5 7.5 0 1 0 19.5 12.5h-7" />
    </svg>
  );
}

const ICONS: Record<Platform, () => React.JSX.Element> = { web: WebIcon, apple: AppleIcon, google: GoogleIcon };

/** Where a card is saved: 🌐 web (no wallet), Apple Wallet, Google Wallet; several at once. */
export function PlatformIcons({ platforms }: { platforms: readonly Platform[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <span className="platforms" aria-label={formatList(platforms.map((p) => t(`platforms.${p}`)), locale)} role="img">
      {platforms.map((platform) => {
        const Icon = ICONS[platform];
        return (
          <span key={platform} className={`platform platform--${platform}`} title={t(`platforms.${platform}`)} data-platform={platform}>
            <Icon />
          </span>
        );
      })}
    </span>
  );
}
