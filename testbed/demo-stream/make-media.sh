#!/usr/bin/env bash
# Pre-encodes the demo stream's seamless loop: 16 s of 2 s MPEG-TS segments in two renditions,
# so `pnpm demo` needs no ffmpeg at run time. Run it only to change the picture; commit media/.
#
# Why MPEG-TS and not fMP4: every segment is self-contained (no EXT-X-MAP init segment), so one
# file can sit at any position of the endless live window, and "timestamps restart after
# EXT-X-DISCONTINUITY" is the case every HLS player handles best (hls.js, Safari, ExoPlayer,
# WeChat's X5). The ~10 % packet overhead is acceptable at these bitrates.
#
# Usage: testbed/demo-stream/make-media.sh   (ffmpeg with libx264, drawtext, and the fonts below)
set -euo pipefail

cd "$(dirname "$0")"
out=media
loop=16 # seconds; every motion and the melody below repeat exactly in this period
fps=30
seg=2 # seconds per segment; -g is fps*seg so each segment starts with a keyframe

font_bold=${FONT_BOLD:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}
font_mono=${FONT_MONO:-/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf}
font_cjk=${FONT_CJK:-/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc}
for f in "$font_bold" "$font_mono" "$font_cjk"; do
  [[ -f $f ]] || { echo "font not found: $f (set FONT_BOLD / FONT_MONO / FONT_CJK)" >&2; exit 1; }
done

# A stale segment from an earlier run would end up in the loop: start clean.
rm -rf "$out"
mkdir -p "$out"

graph=$(mktemp)
trap 'rm -f "$graph"' EXIT

# Picture: a warm gradient with three soft "bokeh" lights, drawn at quarter size (geq is per
# pixel and slow) and scaled up, which also makes it soft. P = 2*pi*t/loop, and every term
# uses whole multiples of P, so frame 480 equals frame 0 and the loop has no visible seam.
P="(2*PI*T/${loop})"
glow="(95*exp(-(pow(X-W*(0.5+0.30*sin(${P})),2)+pow(Y-H*(0.34+0.12*sin(2*${P}+0.7)),2))/(2*pow(0.20*W,2)))\
+70*exp(-(pow(X-W*(0.5+0.32*cos(2*${P}+1)),2)+pow(Y-H*(0.66+0.14*sin(${P}+2)),2))/(2*pow(0.16*W,2)))\
+55*exp(-(pow(X-W*(0.5+0.36*sin(3*${P}+2)),2)+pow(Y-H*(0.5+0.34*cos(${P})),2))/(2*pow(0.11*W,2))))"
cat >"$graph" <<GRAPH
color=c=black:s=180x320:r=${fps}:d=${loop},
geq=r='clip(232-100*Y/H+18*sin(${P})+${glow},0,255)'
   :g='clip(150-80*Y/H+22*sin(${P}+2)+0.85*${glow},0,255)'
   :b='clip(140+45*Y/H+28*sin(${P}+4)+0.75*${glow},0,255)',
scale=720:1280:flags=bicubic,
drawtext=fontfile=${font_bold}:text=' LIVE ':fontsize=34:fontcolor=white:box=1:boxcolor=0xE53935@0.95:boxborderw=12:x=44:y=60,
drawtext=fontfile=${font_bold}:text='LIVE DEMO':fontsize=96:fontcolor=white:shadowcolor=black@0.35:shadowx=3:shadowy=4:x=(w-text_w)/2:y=h*0.40,
drawtext=fontfile=${font_cjk}:text='直播演示 · LiveHook':fontsize=46:fontcolor=white@0.92:shadowcolor=black@0.3:shadowx=2:shadowy=3:x=(w-text_w)/2:y=h*0.40+130,
drawtext=fontfile=${font_mono}:text='%{pts\:hms}  frame %{eif\:n+1\:d\:3}/$((loop * fps))':fontsize=30:fontcolor=white:box=1:boxcolor=black@0.35:boxborderw=12:x=(w-text_w)/2:y=h-120,
format=yuv420p,split=2[hi][lo];
[hi]drawtext=fontfile=${font_mono}:text='720p':fontsize=26:fontcolor=white@0.85:x=w-text_w-44:y=66[v0];
[lo]scale=360:640:flags=lanczos,drawtext=fontfile=${font_mono}:text='360p':fontsize=13:fontcolor=white@0.85:x=w-text_w-22:y=33[v1];
aevalsrc=s=48000:d=${loop}:c=mono:exprs='
  0.16*(1-exp(-60*mod(t,0.5)))*exp(-7*mod(t,0.5))
    *sin(2*PI*t*if(lt(mod(t,4),0.5),329.63,if(lt(mod(t,4),1),392,if(lt(mod(t,4),1.5),440,if(lt(mod(t,4),2),523.25,
       if(lt(mod(t,4),2.5),440,if(lt(mod(t,4),3),392,if(lt(mod(t,4),3.5),329.63,293.66))))))))
  +0.035*sin(2*PI*130.8125*t)+0.025*sin(2*PI*196*t)',asplit=2[a0][a1]
GRAPH
# Music: a pentatonic arpeggio (one soft plucked note per 0.5 s, pattern of 4 s) over a C–G drone
# whose frequencies are whole multiples of 1/16 Hz, so the waveform also closes the loop.

gop=$((fps * seg))
ffmpeg -hide_banner -loglevel warning -y -filter_complex_script "$graph" \
  -map '[v0]' -map '[a0]' -map '[v1]' -map '[a1]' \
  -c:v libx264 -preset slower -profile:v main -r "$fps" -g "$gop" -keyint_min "$gop" -sc_threshold 0 \
  -crf:v:0 24 -maxrate:v:0 1200k -bufsize:v:0 2400k -level:v:0 3.1 \
  -crf:v:1 26 -maxrate:v:1 400k -bufsize:v:1 800k -level:v:1 3.0 \
  -c:a aac -b:a 64k -ar 48000 -ac 1 \
  -f hls -hls_time "$seg" -hls_playlist_type vod -hls_segment_type mpegts \
  -hls_flags independent_segments -hls_segment_filename "$out/%v/seg_%03d.ts" \
  -master_pl_name master.m3u8 -var_stream_map 'v:0,a:0,name:720p v:1,a:1,name:360p' \
  "$out/%v/index.m3u8"

du -sh "$out"
cat "$out/master.m3u8"
