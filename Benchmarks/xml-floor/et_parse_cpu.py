# ET.parse on a file, N runs in one process: CPU time (process_time) and wall time, median and minimum.
# CPU time is what floor.sh compares on a shared machine, where wall clocks wander with the load.
import sys, time, statistics
import xml.etree.ElementTree as ET
f=sys.argv[1]; runs=int(sys.argv[2]) if len(sys.argv)>2 else 15
ts=[];ws=[]
for _ in range(runs):
    c=time.process_time(); t=time.perf_counter(); ET.parse(f); ws.append((time.perf_counter()-t)*1000); ts.append((time.process_time()-c)*1000)
ts.sort(); ws.sort()
print(f"ET.parse cpu median {statistics.median(ts):.1f} min {ts[0]:.1f} | wall median {statistics.median(ws):.1f} min {ws[0]:.1f}")
