/**
 * What every screen needs from outside React: the local database and the host. Provided once at the
 * root, so tests can hand in a database of their own.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { HostApi } from '../../shared/host/contract';
import type { DutyBookDb } from '../../shared/store';

export type Services = { db: DutyBookDb; host: HostApi };

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesProvider is missing');
  return s;
}
