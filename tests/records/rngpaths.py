import sys, xml.etree.ElementTree as ET
R='{http://relaxng.org/ns/structure/1.0}'
def paths(rng):
    t=ET.parse(rng).getroot()
    defs={}
    for d in t.iter(R+'define'): defs.setdefault(d.get('name'),[]).append(d)
    out=[]; seen=set()
    def name_of(e):
        n=e.get('name')
        if n is None:
            ne=e.find(R+'name')
            n=ne.text.strip() if ne is not None else '*'
        return n.split(':')[-1]
    def walk(node, path, stack, repeat):
        for c in node:
            tag=c.tag[len(R):]
            if tag=='element':
                n=name_of(c); p=(path+'/'+n) if path else n
                rep = repeat
                add(p, rep)
                walk(c, p, stack, False)
            elif tag=='attribute':
                n=name_of(c); p=(path+'/@'+n) if path else '@'+n
                add(p, False)
            elif tag=='ref':
                r=c.get('name')
                if r in stack: continue
                for d in defs.get(r,[]): walk(d, path, stack|{r}, repeat)
            elif tag in ('oneOrMore','zeroOrMore'):
                walk(c, path, stack, True)
            elif tag in ('optional','choice','group','interleave','start','mixed'):
                walk(c, path, stack, repeat)
    def add(p, rep):
        if p not in seen: seen.add(p); out.append((p,rep))
        elif rep:
            for i,(q,r) in enumerate(out):
                if q==p: out[i]=(q,True)
    st=t.find(R+'start')
    root=st.find(R+'element')
    if root is None:
        r=st.find(R+'ref').get('name'); root=defs[r][0].find(R+'element')
    rn=name_of(root)
    walk(root,'',frozenset(),False)
    return rn,out
if __name__=='__main__':
    rn,out=paths(sys.argv[1])
    for p,r in out: print(p, 'R' if r else '')
