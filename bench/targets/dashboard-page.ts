/**
 * What an open dashboard page does, in its own process (as a browser would be): follow the event stream of
 * `dashboard-page.ts <base URL>` and, per batch of requests, reload a view's live numbers (routes with
 * p50/p99). On SIGTERM it prints `PAGE <requests> <events>` and exits.
 */
async function main(): Promise<void> {
  const base = process.argv[2];
  let requests = 0;
  let events = 0;
  process.on('SIGTERM', () => {
    console.log(`PAGE ${requests} ${events}`);
    process.exit(0);
  });
  const response = await fetch(`${base}/_portico/api/events`);
  const reader = response.body!.getReader();
  console.log('READY 0');
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += Buffer.from(value).toString('utf8');
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /^event: requests\ndata: (.*)$/m.exec(event);
      if (data) {
        events += 1;
        requests += (JSON.parse(data[1]) as { requests: unknown[] }).requests.length;
        await (await fetch(`${base}/_portico/api/routes`)).json();
      }
      end = buffered.indexOf('\n\n');
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
