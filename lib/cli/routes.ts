/** `portico routes`: the route table per API and stage, REST and HTTP APIs alike. */
import { resolve } from 'node:path';
import { loadAssembly } from '../emulator/assembly';
import { listHttpRoutes } from '../emulator/http/route-listing';
import { formatTable, listRoutes } from '../emulator/rest/route-listing';

export function routesCommand(options: { assembly: string }): void {
  const model = loadAssembly(resolve(options.assembly));
  const rest = listRoutes(model);
  const http = listHttpRoutes(model);
  if (rest.length === 0 && http.length === 0) {
    console.log(`No API Gateway stages found in ${options.assembly}.`);
    return;
  }
  if (rest.length > 0) {
    console.log(
      formatTable(
        ['API', 'STAGE', 'METHOD', 'PATH', 'AUTH', 'API KEY', 'THROTTLE', 'TARGET'],
        rest.map((r) => [r.api, r.stage, r.method, r.path, r.authorization, r.apiKey, r.throttle, r.target]),
      ),
    );
  }
  if (http.length > 0) {
    if (rest.length > 0) console.log('');
    console.log(
      formatTable(
        ['HTTP API', 'STAGE', 'METHOD', 'PATH', 'AUTH', 'THROTTLE', 'TARGET'],
        http.map((r) => [r.api, r.stage, r.method, r.path, r.authorization, r.throttle, r.target]),
      ),
    );
  }
}
