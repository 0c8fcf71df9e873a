/**
 * Pages loaded when first opened: a device parses only the workspaces it opens (each workspace and
 * its heavy pages are chunks of their own in the build). While a chunk loads, nothing shows for the
 * first moment — most loads finish within it, and a spinner that flashes for a few frames reads as a
 * flicker — then “正在加载…” with a spinner, until the page is there.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';
import { zh } from '../i18n/zh';

/** How long a load may take before the loading state shows. */
export const LOADING_DELAY_MS = 400;

/** The Suspense fallback: empty at first, the loading state after LOADING_DELAY_MS. */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Box
      sx={{ display: 'grid', placeItems: 'center', gap: 1.5, py: 6, minHeight: fullScreen ? '100vh' : undefined }}
      aria-busy="true"
      aria-label={zh.common.loading}
    >
      {shown ? (
        <>
          <CircularProgress size={28} />
          <Typography variant="body2" color="text.secondary">
            {zh.common.loading}
          </Typography>
        </>
      ) : null}
    </Box>
  );
}

/** Suspense with the page loading state; `fullScreen` where there is no app shell around it. */
export function PageSuspense({ children, fullScreen }: { children: ReactNode; fullScreen?: boolean }) {
  return <Suspense fallback={<PageLoading fullScreen={fullScreen} />}>{children}</Suspense>;
}

/**
 * A component of a module loaded on first render, by its export name:
 * `lazyPage(() => import('./x/XPage'), 'XPage')`. The import() must be written out at the call site,
 * so the bundler sees it and makes the chunk.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType })) as M[K];
}
