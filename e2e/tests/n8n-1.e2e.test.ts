import { describeEndToEnd } from './suite';

describeEndToEnd('n8n-1.123.81');
