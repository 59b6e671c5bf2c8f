# Shell completion from the option tables: commands, subcommands, options,
# catalog ids and formats complete in bash; the zsh script loads the same.
# Every option of every command's table (as --help prints it) is offered,
# in bash and in zsh, and every value completes as its argname says.
. "$TOP_SRCDIR/tests/cli/lib.sh"
run "$PROG" help --completion bash
check "bash script exits 0" [ "$rc" = 0 ]
printf '%s\n' "$out" >"$tmp/rigplan.bash"
check "it parses in bash" bash -n "$tmp/rigplan.bash"
run "$PROG" help --completion zsh
check "zsh script exits 0" [ "$rc" = 0 ]
check "zsh script is a compdef through bashcompinit" has "$out" "#compdef rigplan"
printf '%s\n' "$out" >"$tmp/rigplan.zsh"
check "zsh runs the very bash function" [ "$(sed 1,3d "$tmp/rigplan.zsh")" = "$(cat "$tmp/rigplan.bash")" ]
run "$PROG" help --completion fish
check "another shell exits 2" [ "$rc" = 2 ]
# complete WORDS...: what bash offers for the last word
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rigplan; printf "%s\n" "${COMPREPLY[@]}"' \
		_ "$tmp/rigplan.bash" "$PROG" "$@" </dev/null | sort | tr '\n' ' '
}
# zsh_words WORDS...: what zsh's bashcompinit gets from the same function
# (zsh filters by the typed word itself; this prints what it is given).
# compdef, which registers the function with compinit, is not needed here.
zsh_words() {
	zsh -f -c 'compdef() { :; }; source "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); compgen -F _rigplan -- "${@[-1]}"' \
		_ "$tmp/rigplan.zsh" "$PROG" "$@" </dev/null 2>&1 | sort | tr '\n' ' '
}
got=$(complete_words "")
check "commands ($got)" has "$got" "calibrate capacity catalog estimate generate help plan report simulate validate"
got=$(complete_words es)
check "'es' completes to estimate" [ "$got" = "estimate " ]
got=$(complete_words catalog "")
check "catalog's subcommands ($got)" has "$got" "import-nvsmi list"
got=$(complete_words estimate --gp)
check "'estimate --gp' offers --gpu, --gpu-layers, --gpu-memory-utilization, --gpu-price, --gpus, --gpus-per-node" [ "$got" = "--gpu --gpu-layers --gpu-memory-utilization --gpu-price --gpus --gpus-per-node " ]
got=$(complete_words estimate --gpu h10)
check "'--gpu h10' offers the catalog's H100s ($got)" has "$got" "h100-sxm"
got=$(complete_words plan --gpu l4,h20)
check "a list completes its last element ($got)" has "$got" "l4,h200-sxm"
got=$(complete_words estimate --model llama-3.1-7)
check "'--model llama-3.1-7' offers llama-3.1-70b ($got)" has "$got" "llama-3.1-70b"
got=$(complete_words estimate --model = llama-3.1-7)
check "'--model=llama-3.1-7' too ($got)" has "$got" "llama-3.1-70b"
got=$(complete_words estimate --precision gguf-q4)
check "--precision offers the formats ($got)" [ "$got" = "gguf-q4_0 gguf-q4_k_m " ]
got=$(complete_words catalog show gpu rtx-409)
check "'catalog show gpu rtx-409' offers rtx-4090 ($got)" has "$got" "rtx-4090"
got=$(complete_words catalog set-price --source shop gpus rtx-409)
check "an option's value is not taken for an operand ($got)" has "$got" "rtx-4090"
got=$(complete_words generate docker --)
check "generate docker's options ($got)" has "$got" "--plan"
got=$(complete_words calibrate --re)
check "calibrate's options ($got)" [ "$got" = "--record --replay " ]
got=$(complete_words help catalog "")
check "'help catalog' offers its subcommands ($got)" has "$got" "import-nvsmi list"

# Value words come from the tables that check them: the words completion
# offers are the ones the error for a wrong value lists.
# listed TEXT: the words after "expected" in an error message, sorted
listed() {
	printf '%s\n' "$1" | sed 's/.*expected \(one of \)\{0,1\}//; s/ (see .*//; s/, or /, /; s/ or /, /' |
		tr -d ' ' | tr ',' '\n' | sort | tr '\n' ' '
}
D="--model llama-3.1-8b --gpu h100-sxm"
run "$PROG" estimate $D --precision no-such
check "--precision: the formats estimate accepts" [ "$(complete_words estimate --precision "")" = "$(listed "$err")" ]
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 9 --output-len 9 --ttft-p99 1 --tpot-p99 1 --precision no-such
check "plan --precision: the same formats, as its list" [ "$(complete_words plan --precision fp8,)" = "$(listed "$err" | sed 's/\([^ ]*\) /fp8,\1 /g')" ]
run "$PROG" estimate $D --kv-precision no-such
check "--kv-precision: the KV formats estimate accepts" [ "$(complete_words estimate --kv-precision "")" = "$(listed "$err")" ]
run "$PROG" help --completion no-such
check "--completion: the shells help accepts" [ "$(complete_words help --completion "")" = "$(listed "$err")" ]
run "$PROG" generate no-such
check "generate: the outputs it accepts" [ "$(complete_words generate "")" = "$(listed "$err")" ]
run "$PROG" catalog list no-such
kinds=$(complete_words catalog list "")
missing=
for k in $(listed "$err"); do has " $kinds" " $k " || missing="$missing $k"; done
check "catalog list: every kind it accepts${missing:+ (missing$missing)}" [ -z "$missing" ]

# Every command path, and its options and their argnames as --help shows them.
paths=$(command_paths)
check "found the commands" [ "$(echo $paths | wc -w)" -ge 12 ]
# options HELP-TEXT: "--name ARGNAME" (or "--name") lines of its Options block
options() {
	printf '%s\n' "$1" | sed -n '/^[A-Za-z ]*[Oo]ptions:$/,/^$/p' |
		sed -n 's/^  \(-., \)\{0,1\} *\(--[a-z0-9-]*\)\( \([A-Z][^ ]*\)\)\{0,1\} .*/\2 \4/p'
}
if command -v zsh >/dev/null; then have_zsh=1; else have_zsh=; fi
zsh_skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP zsh is not installed"; }
: >"$tmp/file-for-completion"
mkdir "$tmp/dir-for-completion"
for p in "" $paths; do
	words=$(echo "$p" | tr / ' ')
	name="rigplan${words:+ $words}"
	help=$("$PROG" $words --help)
	want=$(options "$help" | cut -d' ' -f1 | sort | tr '\n' ' ')
	got=$(complete_words $words --)
	check "$name: bash offers every option of its table" [ "$got" = "$want" ]
	if [ -n "$have_zsh" ]; then
		got=$(zsh_words $words --)
		check "$name: zsh offers every option of its table" [ "$got" = "$want" ]
	else
		zsh_skip "$name: zsh offers every option of its table"
	fi
	# each value as its argname says: a path, a directory, a catalog id
	bad=
	while read -r o a; do
		case $a in
		FILE*) w=$tmp/file-for-compl; expect=$tmp/file-for-completion ;;
		DIR) w=$tmp/dir-for-compl; expect=$tmp/dir-for-completion ;;
		MODEL|GPU|ENGINE|SSD|CPU|MODEL,...|GPU,...|ENGINE,...)
			kind=$(printf '%s' "${a%,...}" | tr A-Z a-z)
			expect=$("$PROG" catalog list "$kind" --csv | sed -n '2s/,.*//p'); w=$expect ;;
		*) continue ;;
		esac
		got=$(complete_words $words "$o" "$w")
		has " $got" " $expect " || bad="$bad $o"
	done <<EOF
$(options "$help" | grep ' .')
EOF
	check "$name: values complete as their argnames say${bad:+ (not:$bad)}" [ -z "$bad" ]
done
if [ -n "$have_zsh" ]; then
	got=$(zsh_words catalog show gpu "")
	check "zsh: 'catalog show gpu' offers the GPUs" has "$got" " rtx-4090 "
	got=$(zsh_words plan --gpu l4,)
	check "zsh: a list completes its last element" has "$got" " l4,h200-sxm "
	got=$(zsh_words estimate --model=llama)
	check "zsh: '--model=llama' offers --model=llama-3.1-70b" has "$got" " --model=llama-3.1-70b "
	got=$(zsh_words help catalog "")
	check "zsh: 'help catalog' offers its subcommands" has "$got" "import-nvsmi list"
else
	zsh_skip "zsh: catalog ids, lists and --opt=value"
fi
done_testing
