# bash completion for upnext-cli
_upnext_cli()
{
    local cur prev words cword
    _init_completion || return
    local commands="next done skip comment create sync morning list show entities outbox status"
    local globals="--help --version --profile --json --wait"
    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --profile|--wait|-c|--comment|--source|--entity|--description|--repo|--list|--status|--limit)
                ((i++)) ;;
            -*) ;;
            *) command=${words[i]}; break ;;
        esac
    done
    case $prev in
        --profile) _filedir -d; return ;;
        --source) COMPREPLY=($(compgen -W "clickup github" -- "$cur")); return ;;
        --status) COMPREPLY=($(compgen -W "todo in_progress done all" -- "$cur")); return ;;
        --wait|-c|--comment|--entity|--description|--repo|--list|--limit) return ;;
    esac
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands $globals" -- "$cur"))
        return
    fi
    local options=$globals
    case $command in
        done) options+=" --comment" ;;
        create) options+=" --source --entity --description --repo --list" ;;
        list) options+=" --source --status --entity --limit" ;;
        entities) [[ $cur != -* ]] && COMPREPLY=($(compgen -W "reload" -- "$cur")) && return ;;
        outbox) [[ $cur != -* && $prev == outbox ]] && COMPREPLY=($(compgen -W "retry discard" -- "$cur")) && return ;;
    esac
    [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$options" -- "$cur"))
}
complete -F _upnext_cli upnext-cli
