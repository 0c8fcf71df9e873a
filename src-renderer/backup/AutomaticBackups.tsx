/**
 * Takes the daily backup: once when the app has started with a profile, then every hour while it is
 * open (the first check of a new day takes it). Renders nothing; a failure is a warning in the
 * message bar, once per session, never an error dialog.
 */
import { useEffect, useRef } from 'react';
import { DAILY_CHECK_MS } from '../../shared/backup/policy';
import { useServices } from '../state/services';
import { useNotifications } from '../state/notifications';
import { runDailyCheck } from './service';

export function AutomaticBackups() {
  const services = useServices();
  const warned = useRef(false);
  useEffect(() => {
    let running = false;
    const check = async () => {
      if (running) return;
      running = true;
      try {
        const warning = await runDailyCheck(services);
        if (warning && !warned.current) {
          warned.current = true;
          useNotifications.getState().notify({ kind: 'warning', text: warning });
        }
      } finally {
        running = false;
      }
    };
    // A moment after start, so the first screen is not slowed down by it.
    const first = setTimeout(() => void check(), 3000);
    const hourly = setInterval(() => void check(), DAILY_CHECK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(hourly);
    };
  }, [services]);
  return null;
}
