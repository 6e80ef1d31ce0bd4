/* Issue 13's floor for schedule.xml: start a process, read the file, run libxml2's SAX2 over it with
   empty callbacks. Modes: none (read only), push (64 KiB pieces, as XMLSAXBuilder does), push1 (one
   piece), mem (xmlSAXUserParseMemory), memctx (xmlCreateMemoryParserCtxt + xmlParseDocument).
   Options after the file: nodict compact noblanks nochars (no characters callback). See floor.sh. */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
static void se(void*c,const xmlChar*l,const xmlChar*p,const xmlChar*u,int nn,const xmlChar**ns,int na,int nd,const xmlChar**a){}
static void ee(void*c,const xmlChar*l,const xmlChar*p,const xmlChar*u){}
static void ch(void*c,const xmlChar*s,int n){}
int main(int argc,char**argv){
  const char*mode=argv[1];int fd=open(argv[2],O_RDONLY);struct stat st;fstat(fd,&st);size_t n=st.st_size;
  char*b=malloc(n+1);read(fd,b,n);b[n]=0;close(fd);
  int opts=XML_PARSE_NONET;int chars=1;
  for(int i=3;i<argc;i++){if(!strcmp(argv[i],"nodict"))opts|=XML_PARSE_NODICT;if(!strcmp(argv[i],"compact"))opts|=XML_PARSE_COMPACT;if(!strcmp(argv[i],"noblanks"))opts|=XML_PARSE_NOBLANKS;if(!strcmp(argv[i],"nochars"))chars=0;}
  xmlInitParser();
  xmlSAXHandler h;memset(&h,0,sizeof h);h.initialized=XML_SAX2_MAGIC;h.startElementNs=se;h.endElementNs=ee;
  if(chars){h.characters=ch;h.ignorableWhitespace=ch;h.cdataBlock=ch;}
  int st2=0;
  if(!strcmp(mode,"push")){xmlParserCtxtPtr c=xmlCreatePushParserCtxt(&h,NULL,b,4,NULL);xmlCtxtUseOptions(c,opts);size_t off=4;
    for(;;){size_t p=n-off<65536?n-off:65536;int last=off+p==n;st2=xmlParseChunk(c,b+off,p,last);off+=p;if(last||st2)break;}xmlFreeParserCtxt(c);}
  else if(!strcmp(mode,"mem")){st2=xmlSAXUserParseMemory(&h,NULL,b,n);}
  else if(!strcmp(mode,"memctx")){xmlParserCtxtPtr c=xmlCreateMemoryParserCtxt(b,n);xmlSAXHandlerPtr old=c->sax;c->sax=&h;c->userData=NULL;xmlCtxtUseOptions(c,opts);st2=xmlParseDocument(c);c->sax=old;xmlFreeParserCtxt(c);}
  else if(!strcmp(mode,"push1")){xmlParserCtxtPtr c=xmlCreatePushParserCtxt(&h,NULL,b,4,NULL);xmlCtxtUseOptions(c,opts);st2=xmlParseChunk(c,b+4,n-4,1);xmlFreeParserCtxt(c);}
  if(st2)printf("status %d\n",st2);return 0;}
