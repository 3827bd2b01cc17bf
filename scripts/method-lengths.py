#!/usr/bin/env python3
"""Lists main-source methods longer than MIN lines (default 100), longest first: lines from the signature's
opening brace to the closing one, found by brace counting outside strings, text blocks and comments.
Usage: MIN=100 scripts/method-lengths.py */src/main/java  (no output: no method over MIN lines)."""
import re,sys,os
def strip(src):
    out=[];i=0;n=len(src)
    while i<n:
        c=src[i]
        if src.startswith('"""',i):
            j=src.find('"""',i+3)
            while j!=-1 and src[j-1]=='\\': j=src.find('"""',j+1)
            seg=src[i:j+3]; out.append(re.sub(r'[^\n]',' ',seg)); i=j+3; continue
        if c=='"' or c=="'":
            j=i+1
            while src[j]!=c:
                j+= 2 if src[j]=='\\' else 1
            out.append(' '*(j+1-i)); i=j+1; continue
        if src.startswith('//',i):
            j=src.find('\n',i); out.append(' '*(j-i)); i=j; continue
        if src.startswith('/*',i):
            j=src.find('*/',i)+2; out.append(re.sub(r'[^\n]',' ',src[i:j])); i=j; continue
        out.append(c); i+=1
    return ''.join(out)
sig=re.compile(r'(?:^|[;{}])\s*((?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|protected|static|final|synchronized|abstract|default|native)\s+)*(?:<[^>]+>\s+)?[\w.<>\[\],? ]+?\s+(\w+)\s*\([^;{}]*\)\s*(?:throws [\w., ]+)?\s*)\{',re.M)
KW={'if','for','while','switch','catch','synchronized','return','new','else','try'}
res=[]
for root in sys.argv[1:]:
  for dp,dn,fn in os.walk(root):
    for f in fn:
      if not f.endswith('.java'): continue
      p=os.path.join(dp,f); s=strip(open(p,encoding='utf-8').read())
      for m in sig.finditer(s):
        name=m.group(2)
        if name in KW: continue
        head=m.group(1).split()
        if head and head[0] in KW: continue
        if 'record' in head or 'class' in head or 'interface' in head: continue
        start=m.end()-1; d=0; k=start
        while True:
            if s[k]=='{': d+=1
            elif s[k]=='}':
                d-=1
                if d==0: break
            k+=1
        l0=s.count('\n',0,start)+1; l1=s.count('\n',0,k)+1
        res.append((l1-l0+1,p,name,l0))
for r in sorted(res,reverse=True):
    if r[0]>int(os.environ.get('MIN','100')): print(*r)
