#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

/* libxml2's SAX2 push parser, for the schedule.xml reader (ConveneModel/Published/XMLTree.swift).
   The headers live in /usr/include/libxml2 (Debian's libxml2-dev); the include path comes from
   libxml-2.0.pc, which carries only -I (no -D flags for SwiftPM to drop, unlike ncursesw.pc). */
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> would include ICU's <unicode/ucnv.h>, whose
   enums clash with the toolchain's own ICU copy (_FoundationICU) in one Swift module. Only the layout of
   xmlCharEncodingHandler depends on it (two trailing ICU pointers), and Convene never touches that
   struct, only pointers to it; so the ICU parts of the headers are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#endif
