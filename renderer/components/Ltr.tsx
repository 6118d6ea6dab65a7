import type { ReactNode } from 'react';

interface LtrProps {
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A code, card number, e-mail, phone number or address: left to right even inside right-to-left text,
 * isolated by markup (not invisible direction marks), so a copy gives exactly the characters shown.
 */
export function Ltr({ children, className, testId }: LtrProps) {
  return (
    <bdi dir="ltr" className={className} data-testid={testId}>
      {children}
    </bdi>
  );
}
