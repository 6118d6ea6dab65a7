import { useTranslation } from 'react-i18next';
import type { SectionDefinition } from './section-types';
import { ShellSyncStatus } from './ShellSyncStatus';

interface SideMenuProps {
  sections: readonly SectionDefinition[];
  current: string;
  shopName: string;
}

/** The admin's side menu: the shop, the sync status, one link per working section; the current one is marked for screen readers. */
export function SideMenu({ sections, current, shopName }: SideMenuProps) {
  const { t } = useTranslation();
  return (
    <nav className="side-menu" aria-label={t('app.menu')}>
      <div className="side-menu__brand">
        <span className="side-menu__logo" aria-hidden="true">
          ✦
        </span>
        <div>
          <div className="side-menu__app">{t('app.name')}</div>
          <div className="side-menu__shop" data-testid="menu-shop-name">
            {shopName || t('app.unnamedShop')}
          </div>
        </div>
      </div>
      <ShellSyncStatus current={current === 'sync'} />
      <ul className="side-menu__list">
        {sections.map(({ id, labelKey, Icon }) => (
          <li key={id}>
            <a
              href={`#/${id}`}
              className="side-menu__link"
              aria-current={id === current ? 'page' : undefined}
              data-section={id}
            >
              <Icon />
              <span>{t(labelKey)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
