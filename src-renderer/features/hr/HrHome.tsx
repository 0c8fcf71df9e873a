import { HrTodo } from './home/HrTodo';

/** HR's home: the day's 待办, each line a link to the page that does it. */
export function HrHome() {
  return <HrTodo />;
}
