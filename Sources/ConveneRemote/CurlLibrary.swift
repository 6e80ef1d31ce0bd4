import CLibCurl
import Glibc

/// libcurl's easy interface, opened with `dlopen` on the first URL fetch.
///
/// Why not link it: linking libcurl (or FoundationNetworking, which links it) makes every
/// convene process load it and the ~50 libraries behind it (TLS, Kerberos, LDAP, HTTP/2…)
/// at start, `convene --version` included: about 20 M instructions and 6–7 ms a start
/// (Benchmarks/RESULTS.md, issue 13). Only `--data URL` needs them, so only a fetch loads them.
///
/// The functions are looked up once; the table never changes after, hence `@unchecked Sendable`.
struct CurlLibrary: @unchecked Sendable {
    /// The library's soname: the one FoundationNetworking itself links.
    static let soname = "libcurl.so.4"

    let easyInit: cc_easy_init_fn
    let easySetopt: cc_easy_setopt_fn
    let easyPerform: cc_easy_perform_fn
    let easyGetinfo: cc_easy_getinfo_fn
    let easyCleanup: cc_easy_cleanup_fn
    let slistAppend: cc_slist_append_fn
    let slistFreeAll: cc_slist_free_all_fn

    /// The library for this process, opened and initialised on first use (a `static let` is
    /// initialised once, thread-safely), or why it cannot be.
    static let shared: Result<CurlLibrary, Missing> = load(soname)

    /// Why libcurl cannot be used: the words go after "cannot fetch URLs: ".
    struct Missing: Error, Equatable {
        var reason: String
    }

    /// Opens `name` and finds the functions; `RTLD_LOCAL` keeps its symbols out of the process's
    /// global namespace. Calls `curl_global_init` once, before any handle exists, as libcurl asks.
    static func load(_ name: String) -> Result<CurlLibrary, Missing> {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            return .failure(Missing(reason: "libcurl (\(name)) is not installed"))
        }
        func symbol<T>(_ symbolName: String, as type: T.Type) -> T? {
            dlsym(handle, symbolName).map { unsafeBitCast($0, to: type) }
        }
        guard let globalInit = symbol("curl_global_init", as: cc_global_init_fn.self),
              let easyInit = symbol("curl_easy_init", as: cc_easy_init_fn.self),
              let easySetopt = symbol("curl_easy_setopt", as: cc_easy_setopt_fn.self),
              let easyPerform = symbol("curl_easy_perform", as: cc_easy_perform_fn.self),
              let easyGetinfo = symbol("curl_easy_getinfo", as: cc_easy_getinfo_fn.self),
              let easyCleanup = symbol("curl_easy_cleanup", as: cc_easy_cleanup_fn.self),
              let slistAppend = symbol("curl_slist_append", as: cc_slist_append_fn.self),
              let slistFreeAll = symbol("curl_slist_free_all", as: cc_slist_free_all_fn.self)
        else {
            return .failure(Missing(reason: "\(name) lacks libcurl's easy interface"))
        }
        guard globalInit(CC_GLOBAL_DEFAULT) == Int32(CC_E_OK) else {
            return .failure(Missing(reason: "libcurl (\(name)) failed to initialise"))
        }
        return .success(CurlLibrary(easyInit: easyInit, easySetopt: easySetopt, easyPerform: easyPerform,
                                    easyGetinfo: easyGetinfo, easyCleanup: easyCleanup,
                                    slistAppend: slistAppend, slistFreeAll: slistFreeAll))
    }
}
