/** `portico routes`: the route table per API and stage. */
import { resolve } from 'node:path';
import { loadAssembly } from '../emulator/assembly';
import { formatTable, listRoutes } from '../emulator/route-listing';

export function routesCommand(options: { assembly: string }): void {
  const model = loadAssembly(resolve(options.assembly));
  const rows = listRoutes(model);
  if (rows.length === 0) {
    console.log(`No REST API stages found in ${options.assembly}.`);
    return;
  }
  console.log(
    formatTable(
      ['API', 'STAGE', 'METHOD', 'PATH', 'AUTH', 'API KEY', 'THROTTLE', 'TARGET'],
      rows.map((r) => [r.api, r.stage, r.method, r.path, r.authorization, r.apiKey, r.throttle, r.target]),
    ),
  );
}
