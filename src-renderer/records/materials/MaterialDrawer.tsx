import { lazy, Suspense, useEffect, useRef } from 'react';
import { Box, Button, CircularProgress, Drawer, Stack, Typography } from '@mui/material';
import { materialLabel } from './ref';
import { useMaterialParam } from './useOpenMaterial';
import { mt } from './strings';

// The panels (tables of every kind) load when a material is first opened, not with HR's home.
const MaterialView = lazy(() => import('./MaterialView').then((m) => ({ default: m.MaterialView })));

/** The panel's width: beside the page, leaving a list or a findings form usable at 1366 px. */
export const MATERIAL_DRAWER_WIDTH = 'min(640px, 100vw)';

/**
 * The material the address names (`?m=`), read-only in a side panel beside the page — not over it,
 * so a clerk can read it while filling in a 抽查 or going down a list. Esc, 关闭 or Back closes it.
 */
export function MaterialDrawer() {
  const { ref, close } = useMaterialParam();
  const heading = useRef<HTMLHeadingElement>(null);
  const open = ref !== undefined;
  const key = ref ? JSON.stringify(ref) : '';
  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, key, close]);
  return (
    <Drawer
      anchor="right"
      variant="persistent"
      open={open}
      slotProps={{
        paper: {
          component: 'aside',
          'aria-label': ref ? materialLabel(ref) : mt.drawer,
          'data-testid': 'material-drawer',
          sx: { width: MATERIAL_DRAWER_WIDTH, boxShadow: 8 },
        } as object,
      }}
      data-print="hide"
    >
      {ref ? (
        <Stack sx={{ height: '100%' }}>
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}
          >
            <Typography
              variant="h6"
              component="h2"
              ref={heading}
              tabIndex={-1}
              sx={{ flexGrow: 1, outline: 'none', fontSize: '1.05rem' }}
            >
              {materialLabel(ref)}
            </Typography>
            <Button onClick={close} title={mt.closeHint}>
              {mt.close}
            </Button>
          </Stack>
          <Box sx={{ flexGrow: 1, overflowY: 'auto', px: 2, py: 1.5 }}>
            <Suspense
              fallback={
                <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
                  <CircularProgress aria-label={mt.loading} />
                </Box>
              }
            >
              <MaterialView key={key} materialRef={ref} />
            </Suspense>
          </Box>
        </Stack>
      ) : null}
    </Drawer>
  );
}
