import { AppBar, Box, Drawer, List, ListItemButton, ListItemText, Toolbar, Typography } from '@mui/material';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { LocalProfile } from '../../shared/domain';
import { zh } from '../i18n/zh';
import { navItemsFor } from './navigation';

const DRAWER_WIDTH = 200;

export function AppShell({ profile }: { profile: LocalProfile }) {
  const location = useLocation();
  const items = navItemsFor(profile.roles);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
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
                <ListItemButton
                  key={item.path}
                  component={NavLink}
                  to={item.path}
                  selected={selected}
                  aria-current={selected ? 'page' : undefined}
                >
                  <ListItemText primary={item.label} />
                </ListItemButton>
              );
            })}
          </List>
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar variant="dense" />
        <Outlet />
      </Box>
    </Box>
  );
}
