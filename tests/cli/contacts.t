Another rep's private customers and leads show their name, owner and stage
but not their phones, emails and contacts: those are for the owner, the
owner's manager and admins. The shared pool's are for everyone. history
hides them the same way, in the changes and in the command's words.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 --owner li --phone 13800138000 --email hx@example.com -q
  C1
  $ hopper person add C1 --name 张伟 --phone 13900139000 --as li -q
  P1
  $ hopper customer add 远航物流 --pool --phone 13700137000 -q
  C2
  $ hopper lead add --name 王五 --contact 王经理 --phone 13600136000 --as li -q
  L1

zhao (a rep of another team) sees who and where, not how to reach them:

  $ hopper customer list --as zhao --format csv
  ref,name,grade,segment,layer_name,owner,release_in,locked\r (esc)
  C1,华星科技,,SMB,客户资源,li,15,no\r (esc)
  C2,远航物流,,SMB,客户资源,,,no\r (esc)
  $ hopper customer show C1 --as zhao --json | jq -c '{name, owner, layer, phone, email, people: [.people[] | {name, phone}]}'
  {"name":"华星科技","owner":"li","layer":"resource","phone":"(hidden)","email":"(hidden)","people":[{"name":"张伟","phone":"(hidden)"}]}
  $ hopper customer list --as zhao --json | jq -c '.[] | {ref, phone}'
  {"ref":"C1","phone":"(hidden)"}
  {"ref":"C2","phone":"13700137000"}
  $ hopper customer edit C1 --phone 13811138111 --as li -q
  C1
  $ hopper history C1 --as zhao --json | jq -c '.[0] | {before, after}'
  {"before":{"phone":"(hidden)","phone_key":"(hidden)"},"after":{"phone":"(hidden)","phone_key":"(hidden)"}}
  $ hopper lead list --as zhao --format csv
  ref,name,company,phone,grade,source,owner,status\r (esc)
  L1,王五,,(hidden),,,li,open\r (esc)
  $ hopper history C1 --as zhao --json | jq -c '.[] | {command, after}'
  {"command":"hopper customer edit C1 --phone '(hidden)' --as li -q","after":{"phone":"(hidden)","phone_key":"(hidden)"}}
  {"command":"hopper customer add 华星科技 --owner li --phone '(hidden)' --email '(hidden)' -q","after":null}
  $ hopper history L1 --as zhao --format tsv | cut -f7
  hopper lead add --name 王五 --contact '(hidden)' --phone '(hidden)' --as li -q

li (the owner), wang (li's manager) and admin see everything:

  $ for who in li wang admin; do hopper customer show C1 --as $who --json | jq -c '{phone, people: [.people[] | .phone]}'; done
  {"phone":"13811138111","people":["13900139000"]}
  {"phone":"13811138111","people":["13900139000"]}
  {"phone":"13811138111","people":["13900139000"]}
  $ hopper lead show L1 --as wang --json | jq -c '{contact, phone}'
  {"contact":"王经理","phone":"13600136000"}
  $ hopper history C1 --as wang --json | jq -r '.[].command'
  hopper customer edit C1 --phone 13811138111 --as li -q
  hopper customer add 华星科技 --owner li --phone 13800138000 --email hx@example.com -q

A conflict's duplicated phone or email follows the same rule: zhao reaches
neither record, so not the phone; li holds one of them; a company is a
name and shows to everyone:

  $ hopper lead add --name 华星二部 --phone 13811138111 --as wang --force -q
  L2
  opened conflict X1 (撞单); see hopper conflict list
  $ hopper customer add 华星科技 --owner zhao --as zhao --force -q
  C3
  opened conflict X2 (撞单); see hopper conflict list
  $ for who in zhao li wang admin; do echo "$who $(hopper conflict list --as $who --json | jq -c '[.[] | .value]')"; done
  zhao ["(hidden)","华星科技"]
  li ["13811138111","华星科技"]
  wang ["13811138111","华星科技"]
  admin ["13811138111","华星科技"]
  $ hopper conflict list --as zhao --format csv | cut -d, -f1,4,5
  ref,key,value
  X1,phone,(hidden)
  X2,company,华星科技
