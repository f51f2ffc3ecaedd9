// 有用 / 不相关 on a subscription alert: shown at once, sent to POST /me/notifications/{id}/feedback, put back as it was
// with a toast if the API refuses or cannot be reached. One verdict per alert is on its way at a time; it can be
// changed afterwards.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AlertFeedback, Notification } from '@cic/shared';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/use-paged-list';

type Update = (change: (items: Notification[]) => Notification[]) => void;

function withFeedback(n: Notification, feedback: AlertFeedback | undefined): Notification {
  const { feedback: _, ...rest } = n;
  return feedback ? { ...rest, feedback } : rest;
}

export interface AlertFeedbackActions {
  /** The alerts whose verdict is on its way. */
  sending: ReadonlySet<string>;
  judge: (item: Notification, relevant: boolean) => Promise<void>;
}

export function useAlertFeedback(update: Update): AlertFeedbackActions {
  const [sending, setSending] = useState<ReadonlySet<string>>(() => new Set());
  const inFlight = useRef(new Set<string>());

  const setOne = (id: string, feedback: AlertFeedback | undefined) =>
    update((items) => items.map((n) => (n.id === id ? withFeedback(n, feedback) : n)));
  const mark = (id: string, on: boolean) => {
    if (on) inFlight.current.add(id);
    else inFlight.current.delete(id);
    setSending(new Set(inFlight.current));
  };

  async function judge(item: Notification, relevant: boolean) {
    if (inFlight.current.has(item.id) || item.feedback?.relevant === relevant) return;
    const before = item.feedback;
    mark(item.id, true);
    setOne(item.id, { relevant, at: new Date().toISOString() });
    try {
      const saved = await call('meNotificationsFeedback', { params: { id: item.id }, body: { relevant } });
      setOne(item.id, saved.feedback);
    } catch (err) {
      setOne(item.id, before);
      void Taro.showToast({ title: `反馈没有保存：${toApiError(err).message}`, icon: 'none' });
    } finally {
      mark(item.id, false);
    }
  }

  return { sending, judge };
}
