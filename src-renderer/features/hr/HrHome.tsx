import { List, ListItemButton, ListItemText } from '@mui/material';
import { Link } from 'react-router';
import { Section } from '../../components/Section';

/** HR's home: where the day's work starts. */
export function HrHome() {
  return (
    <Section id="hr-todo" title="待办">
      <List dense>
        <ListItemButton component={Link} to="/hr/people">
          <ListItemText primary="单位和人员" />
        </ListItemButton>
        <ListItemButton component={Link} to="/hr/filing">
          <ListItemText primary="备案" />
        </ListItemButton>
      </List>
    </Section>
  );
}
