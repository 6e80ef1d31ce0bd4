#ifndef CLIBCURL_SHIM_H
#define CLIBCURL_SHIM_H

/* The handful of libcurl's easy interface that ConveneRemote uses, declared here rather than
   included from <curl/curl.h>: nothing is linked, the functions are found with dlsym in
   libcurl.so.4 on the first fetch. The numbers are libcurl's ABI (stable since libcurl 7.x;
   values as in curl.h, where CURLOPTTYPE_LONG is 0, OBJECTPOINT 10000, FUNCTIONPOINT 20000,
   and CURLINFO_STRING is 0x100000, LONG 0x200000, OFF_T 0x600000). */

#include <stddef.h>
#include <stdint.h>

/* Options (curl.h: CURLOPT(name, type, number)). */
enum {
    CC_OPT_WRITEDATA        = 10001,  /* CURLOPT_WRITEDATA, OBJECTPOINT + 1 */
    CC_OPT_URL              = 10002,  /* CURLOPT_URL, STRINGPOINT + 2 */
    CC_OPT_ERRORBUFFER      = 10010,  /* CURLOPT_ERRORBUFFER, OBJECTPOINT + 10 */
    CC_OPT_WRITEFUNCTION    = 20011,  /* CURLOPT_WRITEFUNCTION, FUNCTIONPOINT + 11 */
    CC_OPT_USERAGENT        = 10018,  /* CURLOPT_USERAGENT, STRINGPOINT + 18 */
    CC_OPT_HTTPHEADER       = 10023,  /* CURLOPT_HTTPHEADER, SLISTPOINT + 23 */
    CC_OPT_HEADERDATA       = 10029,  /* CURLOPT_HEADERDATA, CBPOINT + 29 */
    CC_OPT_NOPROGRESS       = 43,     /* CURLOPT_NOPROGRESS, LONG + 43 */
    CC_OPT_FOLLOWLOCATION   = 52,     /* CURLOPT_FOLLOWLOCATION, LONG + 52 */
    CC_OPT_HEADERFUNCTION   = 20079,  /* CURLOPT_HEADERFUNCTION, FUNCTIONPOINT + 79 */
    CC_OPT_HTTPGET          = 80,     /* CURLOPT_HTTPGET, LONG + 80 */
    CC_OPT_NOSIGNAL         = 99,     /* CURLOPT_NOSIGNAL, LONG + 99 */
    CC_OPT_ACCEPT_ENCODING  = 10102,  /* CURLOPT_ACCEPT_ENCODING, STRINGPOINT + 102 */
    CC_OPT_TIMEOUT_MS       = 155,    /* CURLOPT_TIMEOUT_MS, LONG + 155 */
    CC_OPT_CONNECTTIMEOUT_MS = 156,   /* CURLOPT_CONNECTTIMEOUT_MS, LONG + 156 */
    CC_OPT_PROTOCOLS        = 181,    /* CURLOPT_PROTOCOLS, LONG + 181 (a bitmask of CURLPROTO_*) */
};

/* CURLPROTO_HTTP and CURLPROTO_HTTPS. */
enum { CC_PROTO_HTTP = 1, CC_PROTO_HTTPS = 2 };

/* CURL_GLOBAL_DEFAULT (CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32). */
enum { CC_GLOBAL_DEFAULT = 3 };

/* CURL_ERROR_SIZE: the size an ERRORBUFFER must have. */
enum { CC_ERROR_SIZE = 256 };

/* Information (curl.h: CURLINFO_LONG + 2, CURLINFO_OFF_T + 15). */
enum {
    CC_INFO_RESPONSE_CODE = 0x200002,            /* CURLINFO_RESPONSE_CODE */
    CC_INFO_CONTENT_LENGTH_DOWNLOAD_T = 0x60000F, /* CURLINFO_CONTENT_LENGTH_DOWNLOAD_T */
};

/* The CURLcode values told apart (curl.h's enum CURLcode). */
enum {
    CC_E_OK = 0,
    CC_E_UNSUPPORTED_PROTOCOL = 1,
    CC_E_COULDNT_RESOLVE_PROXY = 5,
    CC_E_COULDNT_RESOLVE_HOST = 6,
    CC_E_COULDNT_CONNECT = 7,
    CC_E_WEIRD_SERVER_REPLY = 8,
    CC_E_HTTP2 = 16,
    CC_E_PARTIAL_FILE = 18,
    CC_E_WRITE_ERROR = 23,
    CC_E_OPERATION_TIMEDOUT = 28,
    CC_E_SSL_CONNECT_ERROR = 35,
    CC_E_ABORTED_BY_CALLBACK = 42,
    CC_E_GOT_NOTHING = 52,
    CC_E_SSL_ENGINE_NOTFOUND = 53,
    CC_E_SSL_ENGINE_SETFAILED = 54,
    CC_E_SEND_ERROR = 55,
    CC_E_RECV_ERROR = 56,
    CC_E_SSL_CERTPROBLEM = 58,
    CC_E_SSL_CIPHER = 59,
    CC_E_PEER_FAILED_VERIFICATION = 60,
    CC_E_BAD_CONTENT_ENCODING = 61,
    CC_E_SSL_ENGINE_INITFAILED = 66,
    CC_E_SSL_CACERT_BADFILE = 77,
    CC_E_SSL_SHUTDOWN_FAILED = 80,
    CC_E_SSL_CRL_BADFILE = 82,
    CC_E_SSL_ISSUER_ERROR = 83,
    CC_E_SSL_PINNEDPUBKEYNOTMATCH = 90,
    CC_E_SSL_INVALIDCERTSTATUS = 91,
    CC_E_HTTP2_STREAM = 92,
    CC_E_SSL_CLIENTCERT = 98,
};

/* struct curl_slist, as curl.h declares it. */
struct cc_slist {
    char *data;
    struct cc_slist *next;
};

/* The function types looked up with dlsym. */
typedef int (*cc_global_init_fn)(long flags);
typedef void *(*cc_easy_init_fn)(void);
typedef int (*cc_easy_setopt_fn)(void *handle, int option, ...);
typedef int (*cc_easy_perform_fn)(void *handle);
typedef int (*cc_easy_getinfo_fn)(void *handle, int info, ...);
typedef void (*cc_easy_cleanup_fn)(void *handle);
typedef struct cc_slist *(*cc_slist_append_fn)(struct cc_slist *list, const char *text);
typedef void (*cc_slist_free_all_fn)(struct cc_slist *list);
typedef const char *(*cc_easy_strerror_fn)(int code);

/* The write and header callbacks' type (curl_write_callback). */
typedef size_t (*cc_write_fn)(char *data, size_t size, size_t count, void *user);

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these pass
   one argument of the type the option expects (long, pointer, or function pointer). */
static inline int cc_setopt_long(cc_easy_setopt_fn f, void *h, int option, long value) {
    return f(h, option, value);
}
static inline int cc_setopt_pointer(cc_easy_setopt_fn f, void *h, int option, const void *value) {
    return f(h, option, value);
}
static inline int cc_setopt_write(cc_easy_setopt_fn f, void *h, int option, cc_write_fn value) {
    return f(h, option, value);
}
static inline int cc_getinfo_long(cc_easy_getinfo_fn f, void *h, int info, long *value) {
    return f(h, info, value);
}
static inline int cc_getinfo_off_t(cc_easy_getinfo_fn f, void *h, int info, int64_t *value) {
    return f(h, info, value);
}

#endif
