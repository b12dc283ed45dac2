import { awsQueryServerContract, queryErrorXml } from './contracts/aws-servers.js'
import { startHttpServer, type SimRequest, type SimResponse, type SimServer } from './http.js'
import { LB_DNS, LOAD_BALANCER, TARGET_GROUP } from './ecs-world.js'

/**
 * The load balancer in front of the ECS service, for deployment_url. ELBv2 speaks the Query
 * protocol: Action=... form fields in, XML out, checked against and encoded by ELBv2's own model
 * (contracts/aws.ts), which is why the answers below are the outputs as the model names them.
 */
const ELB_NAMESPACE = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/'

export async function startElbSimulator(): Promise<SimServer> {
  return startHttpServer(request => elbAnswer(request), {
    contract: awsQueryServerContract('elasticloadbalancingv2')
  })
}

function elbAnswer(request: SimRequest): SimResponse {
  const form = new URLSearchParams(request.body)
  const action = form.get('Action')
  if (action === 'DescribeTargetGroups' && form.get('TargetGroupArns.member.1') === TARGET_GROUP) {
    return {
      body: {
        TargetGroups: [
          {
            TargetGroupArn: TARGET_GROUP,
            TargetGroupName: 'api-blue',
            LoadBalancerArns: [LOAD_BALANCER]
          }
        ]
      }
    }
  }
  if (
    action === 'DescribeLoadBalancers' &&
    form.get('LoadBalancerArns.member.1') === LOAD_BALANCER
  ) {
    return {
      body: {
        LoadBalancers: [
          {
            LoadBalancerArn: LOAD_BALANCER,
            DNSName: LB_DNS,
            LoadBalancerName: 'shop',
            Scheme: 'internet-facing'
          }
        ]
      }
    }
  }
  // What ELBv2 answers for an ARN it does not have; an action not simulated is InvalidAction.
  const notFound: Record<string, string> = {
    DescribeTargetGroups: 'TargetGroupNotFound',
    DescribeLoadBalancers: 'LoadBalancerNotFound'
  }
  const code = notFound[action ?? ''] ?? 'InvalidAction'
  return {
    status: 400,
    headers: { 'content-type': 'text/xml' },
    body: queryErrorXml(ELB_NAMESPACE, code, `${action ?? 'no action'} not found in the simulator`)
  }
}
