import type { ReactNode } from 'react';
import { EmptyTrayIcon } from './icons';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

/** A friendly placeholder where a list or figure has nothing to show yet: a still picture, never one that looks like loading. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title} data-testid="empty-state">
      <div className="empty-state__art" aria-hidden="true">
        <EmptyTrayIcon />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__body">{children}</div>}
      {action}
    </section>
  );
}
