#!/usr/bin/env node
// Writes data/quality/known-apis.json: the names that really exist in the standard libraries the
// quality gate's invented-API rule checks against (src/core/routing/quality/rules/apiRule.ts).
// Each section comes from the real thing where it is installed here, by introspection:
//   python     python3: dir() of standard-library modules, a few classes and the built-in types
//   javascript this Node: static and prototype members of the built-ins, exports of node: modules
//   typescript node_modules/typescript/lib/*.d.ts: the global generic types (Partial, Record, Promise…)
//   java       java (single-file source launch): public methods of common java.* classes
//   rust       the rust-docs of `rustc --print sysroot`: method ids of common std types, std fns
//   cli        `git help -a` for git's subcommands
// and, where nothing installable lists them, by hand (HAND below: Go packages, other CLIs, names
// newer than the runtimes here). A tool that is missing keeps the section already in the file.
//   node scripts/gen-known-apis.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'data', 'quality', 'known-apis.json');
const require = createRequire(import.meta.url);
const words = (s) => s.trim().split(/\s+/).filter(Boolean);
const join = (names) => [...new Set(names)].sort().join(' ');

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    console.warn(`[known-apis] ${cmd} unavailable (${r.error?.message ?? r.stderr.trim().split('\n').at(-1)}); keeping that section.`);
    return undefined;
  }
  return r.stdout;
}

const PY_MODULES =
  'os os.path sys json re math random datetime time collections itertools functools pathlib shutil subprocess typing string logging csv hashlib base64 urllib.parse urllib.request asyncio threading multiprocessing argparse dataclasses enum copy statistics uuid tempfile glob io pickle sqlite3 zipfile gzip heapq bisect operator secrets textwrap unittest contextlib decimal fractions struct traceback inspect abc concurrent.futures http.client http.server email smtplib configparser platform queue weakref pprint timeit shlex fnmatch calendar zoneinfo tomllib difflib xml.etree.ElementTree html warnings getpass ipaddress zlib types hmac importlib';
const PY_CLASSES =
  'datetime.datetime datetime.date datetime.time datetime.timedelta datetime.timezone pathlib.Path collections.Counter collections.OrderedDict collections.defaultdict collections.deque decimal.Decimal re.Pattern re.Match logging.Logger subprocess.Popen subprocess.CompletedProcess threading.Thread threading.Lock threading.Event asyncio.Queue asyncio.Task asyncio.Event asyncio.Lock argparse.ArgumentParser json.JSONEncoder json.JSONDecoder enum.Enum sqlite3.Connection sqlite3.Cursor uuid.UUID zipfile.ZipFile csv.DictReader csv.DictWriter string.Template random.Random io.StringIO io.BytesIO concurrent.futures.ThreadPoolExecutor concurrent.futures.ProcessPoolExecutor tempfile.TemporaryDirectory email.message.EmailMessage http.client.HTTPSConnection urllib.parse.ParseResult xml.etree.ElementTree.Element zoneinfo.ZoneInfo fractions.Fraction statistics.NormalDist configparser.ConfigParser queue.Queue';
const PY_SCRIPT = `
import importlib, json, sys
names = lambda o: sorted(n for n in dir(o) if not n.startswith('__'))
out = {'modules': {}, 'types': {}}
for m in ${JSON.stringify(words(PY_MODULES))}:
    try: out['modules'][m] = ' '.join(names(importlib.import_module(m)))
    except Exception as e: print('skip', m, e, file=sys.stderr)
for p in ${JSON.stringify(words(PY_CLASSES))}:
    m, _, c = p.rpartition('.')
    try: out['modules'][p] = ' '.join(names(getattr(importlib.import_module(m), c)))
    except Exception as e: print('skip', p, e, file=sys.stderr)
for t in [str, list, dict, set, frozenset, tuple, bytes, bytearray, int, float, complex, bool, range]:
    out['types'][t.__name__] = ' '.join(names(t))
out['version'] = sys.version.split()[0]
print(json.dumps(out))
`;

function python() {
  const text = run('python3', ['-c', PY_SCRIPT]);
  return text ? JSON.parse(text) : undefined;
}

const JS_GLOBALS =
  'Object Array Promise JSON Math Number String Reflect Date console Symbol BigInt Intl Atomics ArrayBuffer Map Set WeakMap WeakSet RegExp Error URL URLSearchParams Buffer process AbortController AbortSignal Headers Response Request structuredClone crypto performance';
const JS_PROTOTYPES = 'Array String Map Set Promise Date RegExp Number Object Error URL URLSearchParams Buffer AbortController Response Headers';
const NODE_MODULES =
  'fs fs/promises path os crypto child_process util http https url events stream zlib readline assert timers/promises buffer net dns worker_threads perf_hooks querystring string_decoder cluster v8 vm async_hooks';

function ownNames(o) {
  const out = [];
  for (let p = o; p && p !== Function.prototype && p !== Object.prototype; p = Object.getPrototypeOf(p)) out.push(...Object.getOwnPropertyNames(p));
  if (o === Object.prototype) out.push(...Object.getOwnPropertyNames(Object.prototype));
  return out.filter((n) => !/^(?:length|name|prototype|caller|arguments|constructor)$/.test(n) && !n.startsWith('__'));
}

function javascript() {
  const g = globalThis;
  const globals = {};
  for (const n of words(JS_GLOBALS)) if (g[n] !== undefined) globals[n] = join(ownNames(g[n]));
  const prototypes = {};
  for (const n of words(JS_PROTOTYPES)) if (g[n]?.prototype) prototypes[n] = join(ownNames(g[n].prototype));
  const modules = {};
  for (const m of words(NODE_MODULES)) modules[m] = join(Object.keys(require(`node:${m}`)).filter((k) => k !== 'default'));
  return { node: process.versions.node, globals, prototypes, modules };
}

function typescript() {
  const dir = path.join(root, 'node_modules', 'typescript', 'lib');
  if (!fs.existsSync(dir)) return undefined;
  const types = new Set();
  for (const f of fs.readdirSync(dir).filter((f) => /^lib\..*\.d\.ts$/.test(f))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    // Generic ones only: the rule checks `Name<…>` references (the DOM's thousands of plain interfaces would only add weight).
    for (const m of text.matchAll(/^(?:declare )?(?:type|interface|class) (\w+)\s*</gm)) types.add(m[1]);
  }
  return { version: require(path.join(root, 'node_modules', 'typescript', 'package.json')).version, types: join(types) };
}

const JAVA_CLASSES =
  'java.lang.String java.lang.StringBuilder java.lang.Math java.lang.Integer java.lang.Long java.lang.Double java.lang.Boolean java.lang.Character java.lang.System java.lang.Thread java.lang.Object java.util.List java.util.ArrayList java.util.LinkedList java.util.Map java.util.HashMap java.util.TreeMap java.util.LinkedHashMap java.util.Set java.util.HashSet java.util.TreeSet java.util.Arrays java.util.Collections java.util.Optional java.util.Objects java.util.Scanner java.util.Random java.util.UUID java.util.Deque java.util.ArrayDeque java.util.Queue java.util.PriorityQueue java.util.Iterator java.util.Collection java.util.stream.Stream java.util.stream.IntStream java.util.stream.Collectors java.nio.file.Files java.nio.file.Paths java.nio.file.Path java.time.LocalDate java.time.LocalDateTime java.time.Instant java.time.Duration java.time.ZonedDateTime java.time.format.DateTimeFormatter java.util.concurrent.CompletableFuture java.util.concurrent.Executors java.util.concurrent.ExecutorService java.util.concurrent.ConcurrentHashMap java.util.concurrent.TimeUnit java.util.concurrent.atomic.AtomicInteger java.util.regex.Pattern java.util.regex.Matcher java.io.File java.io.BufferedReader java.net.URI java.net.http.HttpClient java.net.http.HttpRequest java.net.http.HttpResponse';
const JAVA_SOURCE = `
import java.lang.reflect.*;
import java.util.*;
public class KnownApis {
  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder("{\\"version\\":\\"" + System.getProperty("java.version") + "\\",\\"classes\\":{");
    boolean first = true;
    for (String c : args) {
      Class<?> k = Class.forName(c);
      TreeSet<String> names = new TreeSet<>();
      for (Method m : k.getMethods()) names.add(m.getName());
      for (Field f : k.getFields()) names.add(f.getName());
      for (Class<?> inner : k.getClasses()) names.add(inner.getSimpleName());
      if (!first) out.append(",");
      first = false;
      out.append("\\"").append(k.getSimpleName()).append("\\":\\"").append(String.join(" ", names)).append("\\"");
    }
    System.out.println(out.append("}}"));
  }
}`;

function java() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'known-apis-'));
  try {
    const file = path.join(dir, 'KnownApis.java');
    fs.writeFileSync(file, JAVA_SOURCE);
    const text = run('java', [file, ...words(JAVA_CLASSES)]);
    return text ? JSON.parse(text) : undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Pages of the std docs whose methods the rule accepts (inherent and trait-impl methods alike).
const RUST_PAGES =
  'primitive.str primitive.slice primitive.char primitive.i32 primitive.u8 primitive.u32 primitive.u64 primitive.i64 primitive.usize primitive.f64 primitive.f32 primitive.bool primitive.array primitive.tuple string/struct.String vec/struct.Vec option/enum.Option result/enum.Result collections/struct.HashMap collections/struct.HashSet collections/struct.BTreeMap collections/struct.BTreeSet collections/struct.VecDeque collections/struct.BinaryHeap collections/hash_map/enum.Entry iter/trait.Iterator iter/trait.DoubleEndedIterator iter/trait.ExactSizeIterator iter/trait.IntoIterator iter/trait.FromIterator iter/trait.Extend path/struct.Path path/struct.PathBuf fs/struct.File fs/struct.OpenOptions fs/struct.Metadata fs/struct.DirEntry io/trait.Read io/trait.Write io/trait.BufRead io/struct.BufReader io/struct.BufWriter io/struct.Stdin io/struct.Stdout io/struct.Error boxed/struct.Box rc/struct.Rc sync/struct.Arc sync/struct.Mutex sync/struct.RwLock sync/struct.MutexGuard sync/mpsc/struct.Sender sync/mpsc/struct.Receiver cell/struct.RefCell cell/struct.Cell time/struct.Duration time/struct.Instant time/struct.SystemTime process/struct.Command process/struct.Child process/struct.Output thread/struct.JoinHandle thread/struct.Thread iter/struct.Peekable process/struct.ExitStatus io/trait.Seek ffi/struct.OsStr ffi/struct.OsString sync/struct.Condvar sync/struct.OnceLock sync/atomic/struct.AtomicUsize sync/atomic/struct.AtomicBool str/struct.Chars thread/struct.Builder net/struct.TcpListener net/struct.TcpStream io/struct.StdinLock fmt/trait.Write fmt/struct.DebugStruct string/trait.ToString clone/trait.Clone convert/trait.Into convert/trait.From convert/trait.TryFrom convert/trait.TryInto convert/trait.AsRef cmp/trait.Ord cmp/trait.PartialOrd cmp/trait.PartialEq fmt/trait.Display fmt/trait.Debug fmt/struct.Formatter ops/trait.Add hash/trait.Hash borrow/trait.Borrow borrow/trait.ToOwned default/trait.Default error/trait.Error any/trait.Any future/trait.Future str/trait.FromStr env/struct.Args';
const RUST_MODULES =
  'fs env thread process mem io time cmp iter ptr fmt str char array sync sync/mpsc collections path net num string vec rc cell boxed any hash';

function rust() {
  const sysroot = run('rustc', ['--print', 'sysroot'])?.trim();
  const docs = sysroot && path.join(sysroot, 'share', 'doc', 'rust', 'html', 'std');
  if (!docs || !fs.existsSync(docs)) return undefined;
  const methods = new Set();
  for (const page of words(RUST_PAGES)) {
    const file = path.join(docs, `${page}.html`);
    if (!fs.existsSync(file)) {
      console.warn(`[known-apis] no rust doc page ${page}`);
      continue;
    }
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/id="(?:method|tymethod)\.(\w+)/g)) methods.add(m[1]);
  }
  const modules = {};
  for (const mod of words(RUST_MODULES)) {
    const dir = path.join(docs, mod);
    if (!fs.existsSync(dir)) continue;
    modules[mod.replace('/', '::')] = join(
      fs
        .readdirSync(dir)
        .map((f) => /^(?:fn|struct|enum|trait|macro|constant|type|static)\.(\w+)\.html$/.exec(f)?.[1])
        .filter(Boolean),
    );
  }
  const version = /rustc ([\d.]+)/.exec(run('rustc', ['--version']) ?? '')?.[1];
  return { version, methods: join(methods), modules };
}

function git() {
  const text = run('git', ['help', '-a']);
  if (!text) return undefined;
  return join(text.split('\n').flatMap((l) => /^ {3}([a-z][\w-]*)\s/.exec(l)?.[1] ?? []));
}

/**
 * By hand: what no tool here lists. Go's standard packages (exported package-level names of the
 * packages answers use most; no Go toolchain is installed), other CLIs' subcommands, the top level
 * of pandas and requests, and names newer than the runtimes the sections above were read from.
 */
const HAND = {
  go: {
    strings:
      'Builder Clone Compare Contains ContainsAny ContainsFunc ContainsRune Count Cut CutPrefix CutSuffix EqualFold Fields FieldsFunc FieldsFuncSeq FieldsSeq HasPrefix HasSuffix Index IndexAny IndexByte IndexFunc IndexRune Join LastIndex LastIndexAny LastIndexByte LastIndexFunc Lines Map NewReader NewReplacer Reader Repeat Replace ReplaceAll Replacer Split SplitAfter SplitAfterN SplitAfterSeq SplitN SplitSeq Title ToLower ToLowerSpecial ToTitle ToTitleSpecial ToUpper ToUpperSpecial ToValidUTF8 Trim TrimFunc TrimLeft TrimLeftFunc TrimPrefix TrimRight TrimRightFunc TrimSpace TrimSuffix',
    strconv:
      'AppendBool AppendFloat AppendInt AppendQuote AppendQuoteRune AppendQuoteRuneToASCII AppendQuoteRuneToGraphic AppendQuoteToASCII AppendQuoteToGraphic AppendUint Atoi CanBackquote ErrRange ErrSyntax FormatBool FormatComplex FormatFloat FormatInt FormatUint IntSize IsGraphic IsPrint Itoa NumError ParseBool ParseComplex ParseFloat ParseInt ParseUint Quote QuoteRune QuoteRuneToASCII QuoteRuneToGraphic QuoteToASCII QuoteToGraphic QuotedPrefix Unquote UnquoteChar',
    fmt: 'Append Appendf Appendln Errorf FormatString Formatter Fprint Fprintf Fprintln Fscan Fscanf Fscanln GoStringer Print Printf Println Scan ScanState Scanf Scanln Scanner Sprint Sprintf Sprintln Sscan Sscanf Sscanln State Stringer',
    errors: 'As AsType ErrUnsupported Is Join New Unwrap',
    sort: 'Find Float64Slice Float64s Float64sAreSorted IntSlice Interface Ints IntsAreSorted IsSorted Reverse Search SearchFloat64s SearchInts SearchStrings Slice SliceIsSorted SliceStable Sort Stable StringSlice Strings StringsAreSorted',
    slices:
      'All AppendSeq Backward BinarySearch BinarySearchFunc Chunk Clip Clone Collect Compact CompactFunc Compare CompareFunc Concat Contains ContainsFunc Delete DeleteFunc Equal EqualFunc Grow Index IndexFunc Insert IsSorted IsSortedFunc Max MaxFunc Min MinFunc Repeat Replace Reverse Sort SortFunc SortStableFunc Sorted SortedFunc SortedStableFunc Values',
    maps: 'All Clone Collect Copy DeleteFunc Equal EqualFunc Insert Keys Values',
    os: 'Args Chdir Chmod Chown Chtimes Clearenv CopyFS Create CreateTemp DevNull DirEntry DirFS Environ ErrClosed ErrDeadlineExceeded ErrExist ErrInvalid ErrNoDeadline ErrNotExist ErrPermission ErrProcessDone Executable Exit Expand ExpandEnv File FileInfo FileMode FindProcess Getegid Getenv Geteuid Getgid Getgroups Getpagesize Getpid Getppid Getuid Getwd Hostname Interrupt IsExist IsNotExist IsPathSeparator IsPermission IsTimeout Kill Lchown Link LinkError LookupEnv Lstat Mkdir MkdirAll MkdirTemp ModeAppend ModeCharDevice ModeDevice ModeDir ModeExclusive ModeIrregular ModeNamedPipe ModePerm ModeSetgid ModeSetuid ModeSocket ModeSticky ModeSymlink ModeTemporary ModeType NewFile NewSyscallError O_APPEND O_CREATE O_EXCL O_RDONLY O_RDWR O_SYNC O_TRUNC O_WRONLY Open OpenFile OpenInRoot OpenRoot PathError PathListSeparator PathSeparator Pipe ProcAttr Process ProcessState ReadDir ReadFile Readlink Remove RemoveAll Rename Root SEEK_CUR SEEK_END SEEK_SET SameFile Setenv Signal StartProcess Stat Stderr Stdin Stdout Symlink SyscallError TempDir Truncate Unsetenv UserCacheDir UserConfigDir UserHomeDir WriteFile',
    filepath:
      'Abs Base Clean Dir ErrBadPattern EvalSymlinks Ext FromSlash Glob HasPrefix IsAbs IsLocal Join ListSeparator Localize Match Rel Separator SkipAll SkipDir Split SplitList ToSlash VolumeName Walk WalkDir WalkFunc',
    io: 'ByteReader ByteScanner ByteWriter Closer Copy CopyBuffer CopyN Discard EOF ErrClosedPipe ErrNoProgress ErrShortBuffer ErrShortWrite ErrUnexpectedEOF LimitReader LimitedReader MultiReader MultiWriter NewOffsetWriter NewSectionReader NopCloser OffsetWriter Pipe PipeReader PipeWriter ReadAll ReadAtLeast ReadCloser ReadFull ReadSeekCloser ReadSeeker ReadWriteCloser ReadWriteSeeker ReadWriter Reader ReaderAt ReaderFrom RuneReader RuneScanner SectionReader SeekCurrent SeekEnd SeekStart Seeker StringWriter TeeReader WriteCloser WriteSeeker WriteString Writer WriterAt WriterTo',
    bufio:
      'ErrAdvanceTooFar ErrBadReadCount ErrBufferFull ErrFinalToken ErrInvalidUnreadByte ErrInvalidUnreadRune ErrNegativeAdvance ErrNegativeCount ErrTooLong MaxScanTokenSize NewReadWriter NewReader NewReaderSize NewScanner NewWriter NewWriterSize ReadWriter Reader ScanBytes ScanLines ScanRunes ScanWords Scanner SplitFunc Writer',
    math: 'Abs Acos Acosh Asin Asinh Atan Atan2 Atanh Cbrt Ceil Copysign Cos Cosh Dim E Erf Erfc Erfcinv Erfinv Exp Exp2 Expm1 FMA Float32bits Float32frombits Float64bits Float64frombits Floor Frexp Gamma Hypot Ilogb Inf IsInf IsNaN J0 J1 Jn Ldexp Lgamma Ln10 Ln2 Log Log10 Log10E Log1p Log2 Log2E Logb Max MaxFloat32 MaxFloat64 MaxInt MaxInt16 MaxInt32 MaxInt64 MaxInt8 MaxUint MaxUint16 MaxUint32 MaxUint64 MaxUint8 Min MinInt MinInt16 MinInt32 MinInt64 MinInt8 Mod Modf NaN Nextafter Nextafter32 Phi Pi Pow Pow10 Remainder Round RoundToEven Signbit Sin Sincos Sinh SmallestNonzeroFloat32 SmallestNonzeroFloat64 Sqrt Sqrt2 SqrtE SqrtLn2 SqrtPhi SqrtPi Tan Tanh Trunc Y0 Y1 Yn',
    time: 'ANSIC After AfterFunc April August Date DateOnly DateTime December Duration February FixedZone Friday Hour January July June Kitchen Layout LoadLocation LoadLocationFromTZData Local Location March May Microsecond Millisecond Minute Monday Month Nanosecond NewTicker NewTimer November Now October Parse ParseDuration ParseError ParseInLocation RFC1123 RFC1123Z RFC3339 RFC3339Nano RFC822 RFC822Z RFC850 RubyDate Saturday Second September Since Sleep Stamp StampMicro StampMilli StampNano Sunday Thursday Tick Ticker Time TimeOnly Timer Tuesday UTC Unix UnixDate UnixMicro UnixMilli Until Wednesday Weekday',
    context:
      'AfterFunc Background CancelCauseFunc CancelFunc Canceled Cause Context DeadlineExceeded TODO WithCancel WithCancelCause WithDeadline WithDeadlineCause WithTimeout WithTimeoutCause WithValue WithoutCancel',
    sync: 'Cond Locker Map Mutex NewCond Once OnceFunc OnceValue OnceValues Pool RWMutex WaitGroup',
    json: 'Compact Decoder Delim Encoder HTMLEscape Indent InvalidUTF8Error InvalidUnmarshalError Marshal MarshalIndent Marshaler MarshalerError NewDecoder NewEncoder Number RawMessage SyntaxError Token Unmarshal UnmarshalFieldError UnmarshalTypeError Unmarshaler UnsupportedTypeError UnsupportedValueError Valid',
    http: 'AllowQuerySemicolons CanonicalHeaderKey Client CloseNotifier ConnState Cookie CookieJar CrossOriginProtection DefaultClient DefaultMaxHeaderBytes DefaultMaxIdleConnsPerHost DefaultServeMux DefaultTransport DetectContentType Dir ErrAbortHandler ErrBodyNotAllowed ErrBodyReadAfterClose ErrContentLength ErrHandlerTimeout ErrHijacked ErrLineTooLong ErrMissingBoundary ErrMissingContentLength ErrMissingFile ErrNoCookie ErrNoLocation ErrNotMultipart ErrNotSupported ErrSchemeMismatch ErrServerClosed ErrShortBody ErrSkipAltProtocol ErrUseLastResponse ErrWriteAfterFlush Error FS File FileServer FileServerFS FileSystem Flusher Get Handle HandleFunc Handler HandlerFunc Head Header Hijacker ListenAndServe ListenAndServeTLS LocalAddrContextKey MaxBytesError MaxBytesHandler MaxBytesReader MethodConnect MethodDelete MethodGet MethodHead MethodOptions MethodPatch MethodPost MethodPut MethodTrace NewFileTransport NewFileTransportFS NewRequest NewRequestWithContext NewResponseController NewServeMux NoBody NotFound NotFoundHandler ParseCookie ParseHTTPVersion ParseSetCookie ParseTime Post PostForm ProtocolError Protocols ProxyFromEnvironment ProxyURL PushOptions Pusher ReadRequest ReadResponse Redirect RedirectHandler Request Response ResponseController ResponseWriter RoundTripper SameSite SameSiteDefaultMode SameSiteLaxMode SameSiteNoneMode SameSiteStrictMode ServeContent ServeFile ServeFileFS ServeMux ServeTLS Server ServerContextKey SetCookie StateActive StateClosed StateHijacked StateIdle StateNew StatusText StripPrefix TimeFormat TimeoutHandler Transport',
    log: 'Default Fatal Fatalf Fatalln Flags LUTC Ldate Llongfile Lmicroseconds Lmsgprefix Logger LstdFlags Lshortfile Ltime New Output Panic Panicf Panicln Prefix Print Printf Println SetFlags SetOutput SetPrefix Writer',
    regexp: 'Compile CompilePOSIX Match MatchReader MatchString MustCompile MustCompilePOSIX QuoteMeta Regexp',
  },
  // Package paths as imported, and the name a call uses.
  goImports: {
    strings: 'strings',
    strconv: 'strconv',
    fmt: 'fmt',
    errors: 'errors',
    sort: 'sort',
    slices: 'slices',
    maps: 'maps',
    os: 'os',
    'path/filepath': 'filepath',
    io: 'io',
    bufio: 'bufio',
    math: 'math',
    time: 'time',
    context: 'context',
    sync: 'sync',
    'encoding/json': 'json',
    'net/http': 'http',
    log: 'log',
    regexp: 'regexp',
  },
  cli: {
    npm: 'access add add-user adduser audit author bugs c cache ci cit clean-install clean-install-test completion config create dedupe deprecate diff dist-tag docs doctor edit exec explain explore find-dupes fund get help help-search hook home i init innit install install-ci-test install-test isntall issues it la link list ll ln login logout ls org outdated owner pack ping pkg prefix profile prune publish query r rb rebuild remove repo restart rm root run run-script s sbom se search set shrinkwrap sit star stars start stop t team test token tst un undeprecate uninstall unlink unpublish unstar up update upgrade v version view whoami why x bin find install-scripts trust',
    docker:
      'attach build builder buildx checkpoint commit compose config container context cp create debug diff events exec export history image images import info init inspect kill load login logout logs manifest network node pause plugin port ps pull push rename restart rm rmi run save scan sbom scout search secret service stack start stats stop swarm system tag top trust unpause update version volume wait',
    kubectl:
      'alpha annotate api-resources api-versions apply attach auth autoscale certificate cluster-info completion config cordon cp create debug delete describe diff drain edit events exec explain expose get kustomize label logs patch plugin port-forward proxy replace rollout run scale set taint top uncordon version wait krew ctx ns neat tree stern view-secret',
    pip: 'cache check completion config debug download freeze hash help index inspect install list lock search show uninstall wheel',
    cargo:
      'add b bench build c check clean clippy config d doc fetch fix fmt generate-lockfile help info init install locate-project login logout metadata new owner package pkgid publish r read-manifest remove report run rustc rustdoc search t test tree uninstall update vendor verify-project version yank watch expand audit nextest make edit outdated udeps deny tarpaulin llvm-cov flamegraph binstall generate leptos lambda release machete miri',
    go: 'bug build clean doc env fix fmt generate get help install list mod run telemetry test tool version vet work',
  },
  // Top-level names of the two most used third-party Python packages (pd.…, requests.…).
  python: {
    pandas:
      'ArrowDtype BooleanDtype Categorical CategoricalDtype CategoricalIndex DataFrame DateOffset DatetimeIndex DatetimeTZDtype ExcelFile ExcelWriter Flags Float32Dtype Float64Dtype Grouper HDFStore Index IndexSlice Int16Dtype Int32Dtype Int64Dtype Int8Dtype Interval IntervalDtype IntervalIndex MultiIndex NA NaT NamedAgg Period PeriodDtype PeriodIndex RangeIndex Series SparseDtype StringDtype Timedelta TimedeltaIndex Timestamp UInt16Dtype UInt32Dtype UInt64Dtype UInt8Dtype api array arrays bdate_range col concat crosstab cut date_range describe_option errors eval factorize from_dummies get_dummies get_option infer_freq interval_range io isna isnull json_normalize lreshape melt merge merge_asof merge_ordered notna notnull offsets option_context options pandas period_range pivot pivot_table plotting qcut read_clipboard read_csv read_excel read_feather read_fwf read_gbq read_hdf read_html read_iceberg read_json read_orc read_parquet read_pickle read_sas read_spss read_sql read_sql_query read_sql_table read_stata read_table read_xml reset_option set_eng_float_format set_option show_versions test testing timedelta_range to_datetime to_numeric to_pickle to_timedelta tseries unique value_counts wide_to_long',
    requests:
      'ConnectionError ConnectTimeout DependencyWarning FileModeWarning HTTPError JSONDecodeError NullHandler PreparedRequest ReadTimeout Request RequestException RequestsDependencyWarning Response Session Timeout TooManyRedirects URLRequired adapters api auth certs check_compatibility codes compat cookies delete exceptions get head hooks models options packages patch post put request session sessions status_codes structures utils',
  },
  // Names added after the runtimes above (Python 3.12–3.14, Node 21–24, Java 21–24): a good answer may use them.
  newer: {
    python:
      'itertools.batched pathlib.Path.walk pathlib.Path.from_uri pathlib.Path.full_match pathlib.Path.copy pathlib.Path.move os.path.splitroot math.sumprod math.fma random.binomialvariate typing.override typing.TypeIs typing.ReadOnly typing.NoDefault copy.replace os.process_cpu_count statistics.kde statistics.kde_random warnings.deprecated base64.z85encode base64.z85decode calendar.Month calendar.Day datetime.UTC asyncio.TaskGroup asyncio.timeout asyncio.Runner asyncio.to_thread asyncio.QueueShutDown asyncio.Queue.shutdown queue.Queue.shutdown queue.ShutDown shutil.chown threading.setprofile_all_threads',
    javascript:
      'Object.groupBy Map.groupBy Promise.withResolvers Promise.try Array.fromAsync Set.union Set.intersection Set.difference Set.symmetricDifference Set.isSubsetOf Set.isSupersetOf Set.isDisjointFrom RegExp.escape Math.sumPrecise Math.f16round Error.isError Iterator.from fs.glob fs.globSync fs/promises.glob util.styleText util.parseEnv util.getCallSites path.matchesGlob process.loadEnvFile process.getBuiltinModule crypto.hash URL.parse URL.canParse Array.toSorted Array.toReversed Array.toSpliced Array.with Array.findLast Array.findLastIndex String.isWellFormed String.toWellFormed Response.bytes',
    java: 'List.getFirst List.getLast List.reversed List.addFirst List.addLast List.removeFirst List.removeLast ArrayList.getFirst ArrayList.getLast ArrayList.reversed LinkedList.reversed Deque.reversed Set.reversed Map.firstEntry Map.lastEntry Map.pollFirstEntry Map.pollLastEntry Map.putFirst Map.putLast Map.sequencedKeySet Map.sequencedValues Map.sequencedEntrySet LinkedHashMap.firstEntry LinkedHashMap.lastEntry LinkedHashMap.putFirst LinkedHashMap.putLast LinkedHashMap.sequencedKeySet Math.clamp StringBuilder.repeat String.splitWithDelimiters String.indexOf Character.isEmoji Thread.ofVirtual Thread.startVirtualThread Thread.isVirtual Executors.newVirtualThreadPerTaskExecutor HttpClient.close HttpClient.shutdown Stream.gather Collectors.teeing',
  },
};

function main() {
  const previous = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : {};
  const py = python() ?? previous.python;
  const out = {
    python: py && { ...py, modules: { ...py.modules, ...HAND.python } },
    javascript: javascript(),
    typescript: typescript() ?? previous.typescript,
    java: java() ?? previous.java,
    rust: rust() ?? previous.rust,
    go: { packages: HAND.go, imports: HAND.goImports },
    cli: { git: git() ?? previous.cli?.git, ...HAND.cli },
    newer: HAND.newer,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`[known-apis] wrote ${path.relative(process.cwd(), OUT)} (${Math.round(fs.statSync(OUT).size / 1024)} KB)`);
}

main();
