import json,sys
# per-phase statements per call for each measured record of a results dir
for line in open(sys.argv[1]+'/records.jsonl'):
    r=json.loads(line)
    res=r.get('result',r)
    sql=res.get('sql') if isinstance(res,dict) else None
    if not sql: continue
    lab=r.get('label','')
    if len(sys.argv)>2 and sys.argv[2] not in lab: continue
    n=res.get('lifecycles',1)
    print('==',lab, 'lifecycles',n)
    tot=0
    for ph,v in sorted(sql.items()):
        s=sum(v.get(k,0) for k in ('select','insert','update','delete'))
        c=v.get('calls',1) or 1
        tot+=s
        print(f"  {ph:55s} {s/c:7.1f}/call  sel {v.get('select',0)/c:5.1f} ins {v.get('insert',0)/c:5.1f} upd {v.get('update',0)/c:5.1f} del {v.get('delete',0)/c:5.1f} commits {v.get('commits',0)/c:5.1f} calls/lc {c/n:4.1f}")
    print(f"  total statements per lifecycle {tot/n:.1f}")
