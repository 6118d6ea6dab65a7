import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module: there is no Electron binary on our machines, so the shell
 * is loaded against this recorder. It keeps every window option, IPC handler, listener and
 * security hook the shell installs, so tests can assert on them and call them.
 */
export interface FakeElectronState {
  appPath: string;
  singleInstanceLock: boolean;
  quitCalls: number;
  errorBoxes: Array<{ title: string; content: string }>;
  windows: FakeBrowserWindow[];
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null;
  headersHandler: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void) | null;
  exposed: Map<string, unknown>;
  invocations: Array<{ channel: string; args: unknown[] }>;
  openedExternally: string[];
  /** What app.getPreferredSystemLanguages() answers: the OS languages, best first. */
  systemLanguages: string[];
  /** Paths set with app.setPath, by name. */
  paths: Record<string, string>;
  /** app.getPath('userData') at the moment requestSingleInstanceLock was asked (the lock is per user-data folder). */
  userDataAtLockRequest: string | null;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  loadedUrl: string | null = null;
  focused = false;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    fake.state.windows.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    this.focused = true;
  }
  show() {}
  static getAllWindows() {
    return fake.state.windows;
  }
}

/** A stand-in WebContents: records navigation listeners and the window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function createFake() {
  const appEvents = new EventEmitter();
  const state: FakeElectronState = {
    appPath: '',
    singleInstanceLock: true,
    quitCalls: 0,
    errorBoxes: [],
    windows: [],
    ipcHandlers: new Map(),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    headersHandler: null,
    exposed: new Map(),
    invocations: [],
    openedExternally: [],
    systemLanguages: ['en-US'],
    paths: {},
    userDataAtLockRequest: null,
  };
  let readyResolve: () => void = () => {};
  let ready = new Promise<void>((resolve) => (readyResolve = resolve));

  const module = {
    app: Object.assign(appEvents, {
      requestSingleInstanceLock: () => {
        state.userDataAtLockRequest = state.paths.userData ?? null;
        return state.singleInstanceLock;
      },
      setPath: (name: string, value: string) => {
        state.paths[name] = value;
      },
      whenReady: () => ready,
      getAppPath: () => state.appPath,
      isPackaged: false,
      getPath: () => state.appPath,
      getPreferredSystemLanguages: () => state.systemLanguages,
      quit: () => {
        state.quitCalls++;
      },
    }),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        state.ipcHandlers.set(channel, handler);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Response) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: FakeElectronState['permissionRequestHandler']) => {
          state.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: FakeElectronState['permissionCheckHandler']) => {
          state.permissionCheckHandler = handler;
        },
        webRequest: {
          onHeadersReceived: (handler: FakeElectronState['headersHandler']) => {
            state.headersHandler = handler;
          },
        },
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    // like safeStorage on a Linux desktop with a keyring: a version tag, then bytes that are not the plain text
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.concat([Buffer.from('v11'), Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a))]),
      decryptString: (bytes: Buffer) => Buffer.from(bytes.subarray(3).map((b) => b ^ 0x5a)).toString('utf8'),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => state.errorBoxes.push({ title, content }),
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        state.invocations.push({ channel, args });
        const handler = state.ipcHandlers.get(channel);
        if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
        return Promise.resolve(handler({ senderFrame: { url: 'app://stampdesk/index.html' } }, ...args));
      },
    },
  };

  return {
    module,
    state,
    /** Fires app.whenReady(). */
    becomeReady: () => readyResolve(),
    reset(appPath: string) {
      Object.assign(state, {
        appPath,
        systemLanguages: ['en-US'],
        paths: {},
        userDataAtLockRequest: null,
        singleInstanceLock: true,
        quitCalls: 0,
        errorBoxes: [],
        windows: [],
        privilegedSchemes: [],
        permissionRequestHandler: null,
        permissionCheckHandler: null,
        headersHandler: null,
      });
      state.ipcHandlers.clear();
      state.protocolHandlers.clear();
      state.exposed.clear();
      state.invocations.length = 0;
      state.openedExternally.length = 0;
      appEvents.removeAllListeners();
      ready = new Promise<void>((resolve) => (readyResolve = resolve));
    },
  };
}

export const fake = createFake();
