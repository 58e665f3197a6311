import { describeEndToEnd } from './suite';

describeEndToEnd('n8n-2.41.1');
