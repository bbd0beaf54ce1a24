setInterval(() => { const m = process.memoryUsage(); console.error(`rss ${(m.rss/1e6)|0} heap ${(m.heapUsed/1e6)|0}/${(m.heapTotal/1e6)|0} ext ${(m.external/1e6)|0} ab ${(m.arrayBuffers/1e6)|0}`); }, 500).unref();
await import('./import-worker.js');
