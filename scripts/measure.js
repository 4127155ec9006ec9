// Runs an ONNX model under ONNX Runtime with profiling: warm-up runs, then
// timed runs, and writes ONNX Runtime's own profile (a Chrome-trace JSON
// array, one "Node" event per executed node per run, named
// "<node>_kernel_time") with the warm-up runs' events removed and one
// "Roof" metadata event that records how it was measured. With --repeat K
// it runs K sessions one after another and writes, per node and for the
// whole model, the least of the K sessions' medians: on a shared machine
// one session's times move by 2x and more, the best of several repeats.
// Run through scripts/measure, which installs onnxruntime-node first.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const usage = `usage: scripts/measure MODEL.onnx -o PROFILE.json [options]

  --input-shape NAME=D0,D1,...  shape of an input (needed where the model's
                                is symbolic; repeat for several inputs)
  --threads N                   intra-op threads (default 1; 0 = all cores)
  --opt LEVEL                   graph optimization: disabled, basic (default:
                                constant folding and eliminations, no
                                fusions, node names kept), extended, all
  --warmup N                    runs before timing (default 3)
  --runs N                      timed runs (default 10)
  --repeat K                    sessions of warm-up and timed runs (default
                                1); K > 1 writes, per node and for the
                                model, the least of the K sessions' medians`;

function fail(message) {
  console.error(`measure: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = {shapes: {}, threads: 1, opt: 'basic', warmup: 3, runs: 10, repeat: 1};
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${arg} needs a value`);
      return argv[++i];
    };
    const count = (name, min) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) fail(`${name} must be a whole number >= ${min}`);
      return n;
    };
    if (arg === '-h' || arg === '--help') {
      console.log(usage);
      process.exit(0);
    } else if (arg === '-o') {
      args.output = value();
    } else if (arg === '--input-shape') {
      const [name, dims] = value().split('=');
      const shape = (dims || '').split(',').map(Number);
      if (!name || !dims || shape.some((d) => !Number.isInteger(d) || d < 0))
        fail('--input-shape takes NAME=D0,D1,... with sizes >= 0');
      args.shapes[name] = shape;
    } else if (arg === '--threads') {
      args.threads = count('--threads', 0);
    } else if (arg === '--opt') {
      args.opt = value();
      if (!['disabled', 'basic', 'extended', 'all'].includes(args.opt))
        fail('--opt must be disabled, basic, extended or all');
    } else if (arg === '--warmup') {
      args.warmup = count('--warmup', 0);
    } else if (arg === '--runs') {
      args.runs = count('--runs', 1);
    } else if (arg === '--repeat') {
      args.repeat = count('--repeat', 1);
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}\n${usage}`);
    } else if (args.model) {
      fail(`one model only (got ${args.model} and ${arg})`);
    } else {
      args.model = arg;
    }
  }
  if (!args.model || !args.output) fail(usage);
  return args;
}

// Deterministic inputs: timings of dense kernels do not depend on values.
function makeInput(ort, meta, shape) {
  const size = shape.reduce((a, b) => a * b, 1);
  const arrays = {
    float32: Float32Array, float64: Float64Array, int32: Int32Array,
    int64: BigInt64Array, int8: Int8Array, uint8: Uint8Array, bool: Uint8Array,
  };
  const Array_ = arrays[meta.type];
  if (!Array_) fail(`input '${meta.name}' has type ${meta.type}, which measure cannot fill`);
  const data = new Array_(size);
  for (let i = 0; i < size; ++i) {
    const v = ((i * 7919) % 255) / 255;
    data[i] = meta.type === 'int64' ? BigInt(i % 2) :
              meta.type.startsWith('float') ? v : (i % 2);
  }
  return new ort.Tensor(meta.type, data, shape);
}

/// One session: warm-up and timed runs; the profile's events without the
/// warm-up runs', and the timed runs' model_run events.
async function measureOnce(ort, args, feeds) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roof-measure-'));
  const options = {
    enableProfiling: true,
    profileFilePrefix: path.join(work, 'profile'),
    graphOptimizationLevel: args.opt,
    executionMode: 'sequential',
    intraOpNumThreads: args.threads,
    interOpNumThreads: 1,
  };
  let session;
  try {
    session = await ort.InferenceSession.create(args.model, options);
  } catch (e) {
    fail(`${args.model}: ONNX Runtime cannot load it: ${e.message}`);
  }
  const inputs = feeds(session);
  for (let i = 0; i < args.warmup + args.runs; ++i) await session.run(inputs);
  await session.release();

  const file = fs.readdirSync(work).find((f) => f.endsWith('.json'));
  if (!file) fail('ONNX Runtime wrote no profile');
  const events = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8'));
  fs.rmSync(work, {recursive: true});
  // Drop the warm-up runs: everything before the end of the last warm-up
  // model_run.
  const runs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run')
                     .sort((a, b) => a.ts - b.ts);
  const cut = args.warmup > 0 ? runs[args.warmup - 1].ts + runs[args.warmup - 1].dur : -1;
  return {
    events: events.filter((e) => e.cat !== 'Session' && e.cat !== 'Node' || e.ts > cut),
    runs: runs.slice(args.warmup),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/// Per node (and for model_run), one event: the session whose median is the
/// least, its first event with that median as its duration.
function bestOfMedians(sessions) {
  const best = new Map();
  const consider = (key, events) => {
    const m = median(events.map((e) => e.dur));
    const held = best.get(key);
    if (!held || m < held.dur) best.set(key, {...events[0], dur: m});
  };
  for (const {events, runs} of sessions) {
    const byNode = new Map();
    for (const e of events) {
      if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
      if (!byNode.has(e.name)) byNode.set(e.name, []);
      byNode.get(e.name).push(e);
    }
    for (const [name, nodeEvents] of byNode) consider(name, nodeEvents);
    consider('model_run', runs);
  }
  let ts = 0;
  return [...best.values()].map((e) => ({...e, ts: (ts += 1)}));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const ort = require(path.join(process.env.ROOF_ORT_DIR, 'node_modules', 'onnxruntime-node'));
  if (!fs.existsSync(args.model)) fail(`${args.model}: no such file`);
  const shapes = {};
  const feeds = (session) => {
    const inputs = {};
    for (const meta of session.inputMetadata) {
      let shape = args.shapes[meta.name] ||
                  (meta.shape || []).map((d) => (Number.isInteger(d) && d >= 0 ? d : null));
      if (shape.some((d) => d === null))
        fail(`input '${meta.name}' has a symbolic shape [${meta.shape}]: give --input-shape ${meta.name}=...`);
      shapes[meta.name] = shape;
      inputs[meta.name] = makeInput(ort, meta, shape);
    }
    for (const name of Object.keys(args.shapes))
      if (!(name in shapes)) fail(`the model has no input '${name}'`);
    return inputs;
  };

  const sessions = [];
  for (let k = 0; k < args.repeat; ++k) sessions.push(await measureOnce(ort, args, feeds));
  const kept = args.repeat === 1 ? sessions[0].events : bestOfMedians(sessions);
  kept.unshift({
    cat: 'Roof', name: 'measure', ph: 'M', pid: 0, tid: 0, ts: 0,
    args: {
      model: path.basename(args.model), input_shapes: shapes,
      threads: args.threads, cores: os.cpus().length, cpu: os.cpus()[0].model,
      graph_optimization: args.opt, warmup: args.warmup, runs: args.runs,
      repeat: args.repeat,
      onnxruntime: ort.env.versions ? ort.env.versions.common : '1.30.0',
      date: new Date().toISOString(),
    },
  });
  fs.writeFileSync(args.output, JSON.stringify(kept, null, 0) + '\n');
  const best = Math.min(...sessions.map((s) => median(s.runs.map((e) => e.dur))));
  console.log(`${args.output}: ${args.runs} runs of ${path.basename(args.model)}` +
              (args.repeat > 1 ? ` in each of ${args.repeat} sessions, least median` : ', median') +
              ` ${(best / 1000).toFixed(3)} ms, ${args.threads || 'all'} thread(s), opt ${args.opt}`);
}

main().catch((e) => fail(e.message));
