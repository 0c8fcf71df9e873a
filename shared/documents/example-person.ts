/** The official whose year the example forms describe (shared by every example file). */
import type { PersonHeader } from './models';

export const examplePerson: PersonHeader = {
  name: '张三',
  unit: '荆楚市财政局预算科',
  post: '一级主任科员',
};
