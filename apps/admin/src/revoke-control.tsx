import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from './errors/outcome.js';
import { FormAlert, useFormFailure } from './forms.js';

/**
 * Revoking a secret (an API token, a calendar address) takes two clicks: revoke, then confirm or
 * cancel. A refusal of the server is shown beside the buttons.
 */
export function RevokeControl({
  active,
  revokeLabel,
  confirmLabel,
  revoke,
  onRevoked,
}: {
  /** Revoked or expired: nothing left to revoke. */
  active: boolean;
  revokeLabel: string;
  confirmLabel: string;
  revoke: () => Promise<Outcome<unknown>>;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormFailure([]);

  async function confirm() {
    form.clear();
    setBusy(true);
    const outcome = await revoke();
    setBusy(false);
    setConfirming(false);
    if (outcome.ok) onRevoked();
    else form.report(outcome.failure);
  }

  return (
    <>
      {active && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          {revokeLabel}
        </button>
      )}
      {confirming && (
        <span className="confirm">
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </span>
      )}
      <FormAlert form={form} />
    </>
  );
}
