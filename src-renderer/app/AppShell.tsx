import { AppBar, Box, Drawer, List, ListItem, ListItemButton, ListItemText, Toolbar, Typography } from '@mui/material';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { LocalProfile } from '../../shared/domain';
import { zh } from '../i18n/zh';
import { PageSuspense } from '../components/LazyPage';
import { navItemsFor } from './navigation';
import { LockButton } from '../lock/LockButton';
import { useRoles } from '../state/roles';

const DRAWER_WIDTH = 200;
/** Keyboard users jump past the navigation; the routes use the hash, so the link moves focus itself. */
const SKIP_TO_MAIN = '跳到主要内容';
const MAIN_ID = 'main-content';

function SkipLink() {
  return (
    <Box
      component="a"
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
      sx={{
        position: 'fixed',
        left: 8,
        top: -48,
        zIndex: (t) => t.zIndex.tooltip + 1,
        px: 2,
        py: 1,
        bgcolor: 'background.paper',
        color: 'primary.main',
        fontWeight: 600,
        borderRadius: 1,
        '&:focus': { top: 8, boxShadow: 3, outline: '2px solid', outlineColor: 'primary.main' },
      }}
    >
      {SKIP_TO_MAIN}
    </Box>
  );
}

export function AppShell({ profile }: { profile: LocalProfile }) {
  const location = useLocation();
  // The roster's roles once this device is enrolled: a local tick adds no workspace then.
  const items = navItemsFor(useRoles().source.roles);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink />
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ fontWeight: 600 }}>
            {zh.appName}
          </Typography>
          <Typography variant="body2" sx={{ ml: 1.5, opacity: 0.85 }}>
            {zh.appSubtitle}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Typography variant="body2" data-testid="profile-badge">
            {profile.unitName} · {profile.name}
          </Typography>
          <LockButton />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar variant="dense" />
        <nav aria-label="主导航">
          <List dense>
            {items.map((item) => {
              const selected = item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path);
              return (
                <ListItem key={item.path} disablePadding>
                  <ListItemButton
                    component={NavLink}
                    to={item.path}
                    selected={selected}
                    aria-current={selected ? 'page' : undefined}
                  >
                    <ListItemText primary={item.label} />
                  </ListItemButton>
                </ListItem>
              );
            })}
          </List>
        </nav>
      </Drawer>
      <Box component="main" id={MAIN_ID} tabIndex={-1} sx={{ flexGrow: 1, p: 3, minWidth: 0, '&:focus': { outline: 'none' } }}>
        <Toolbar variant="dense" />
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </Box>
    </Box>
  );
}
